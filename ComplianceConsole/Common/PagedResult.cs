namespace ComplianceConsole.Common;

/// <summary>One page of rows and how many rows match in all.</summary>
public sealed record PagedResult<T>(IReadOnlyList<T> Items, int TotalCount);
