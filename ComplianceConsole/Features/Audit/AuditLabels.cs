using ComplianceConsole.Common;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Features.Audit;

/// <summary>An audit event's target in words: what kind of thing (localised) and which one.</summary>
public static class AuditLabels
{
    public static string Target(AuditRow row, IStringLocalizer localizer)
    {
        if (row.TargetType is null) return Display.OrDash(row.TargetId);
        var kind = localizer[$"AuditTarget.{row.TargetType}"] is { ResourceNotFound: false } named ? named.Value : row.TargetType;
        return row.TargetId is null ? kind : $"{kind} {row.TargetId}";
    }
}
