namespace ComplianceConsole.Features.Registry;

public sealed record EvidenceRow(long Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAtUtc, string UploadedByName);

/// <summary>A stored evidence file, decrypted for one download.</summary>
public sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

/// <summary>An upload's outcome: the stored file, or the localisation key (with its argument) saying why it was refused.</summary>
public sealed record EvidenceUploadResult(EvidenceRow? File, string? ErrorKey = null, object? ErrorArgument = null);
