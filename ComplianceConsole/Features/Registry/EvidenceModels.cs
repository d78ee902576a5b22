namespace ComplianceConsole.Features.Registry;

public sealed record EvidenceRow(long Id, string FileName, string ContentType, long SizeBytes, string Sha256, DateTime UploadedAtUtc, string UploadedByName);

/// <summary>A stored evidence file, decrypted for one download.</summary>
public sealed record EvidenceDownload(byte[] Content, string ContentType, string FileName);

