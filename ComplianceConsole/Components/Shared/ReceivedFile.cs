namespace ComplianceConsole.Components.Shared;

/// <summary>A file a person picked, as <see cref="FileReceiver"/> hands it over: within the limit, readable once.</summary>
public sealed record ReceivedFile(Stream Content, string Name, long Size);
