using System.IO.Compression;

namespace ComplianceConsole.Security.Files;

/// <summary>What inspecting a package found: the refusal's message key (null when it may be opened) and how much was unpacked to check it.</summary>
public sealed record ZipInspection(string? RefusalKey, long BytesUnpacked)
{
    public bool Accepted => RefusalKey is null;
}

/// <summary>
/// Looks at a zip package (.xlsx) before OpenXML or ClosedXML may open it: first what its central directory declares (how many
/// parts, each part's size and compression ratio, the total), then what each part really unpacks to, read through a
/// <see cref="LimitedReadStream"/> and thrown away, so a directory that understates a size is caught when the bytes come.
/// </summary>
public static class SafeZip
{
    /// <summary>Parts smaller than this are not judged by their ratio: a small run of repeated text compresses very well and is harmless.</summary>
    public const long RatioCheckedFromBytes = 1024 * 1024;

    /// <summary>The refusal of a file that is not a zip package at all (for readers with their own answer to that).</summary>
    public const string NotAPackage = "Upload.Unreadable";

    public static ZipInspection Inspect(Stream package, FileLimitsOptions limits)
    {
        try
        {
            using var zip = new ZipArchive(package, ZipArchiveMode.Read, leaveOpen: true);
            if (zip.Entries.Count > limits.MaxZipEntries) return new("Upload.TooManyEntries", 0);
            long declared = 0;
            foreach (var entry in zip.Entries)
            {
                declared += entry.Length;
                if (declared > limits.MaxUnpackedBytes) return new("Upload.TooLargeUnpacked", 0);
                if (entry.Length >= RatioCheckedFromBytes && entry.Length > (long)limits.MaxCompressionRatio * Math.Max(1, entry.CompressedLength))
                {
                    return new("Upload.CompressionRatio", 0);
                }
            }
            return Unpack(zip, limits);
        }
        catch (InvalidDataException)
        {
            return new(NotAPackage, 0);
        }
    }

    private static ZipInspection Unpack(ZipArchive zip, FileLimitsOptions limits)
    {
        var buffer = new byte[81_920];
        long unpacked = 0;
        foreach (var entry in zip.Entries)
        {
            using var content = new LimitedReadStream(entry.Open(), Math.Min(entry.Length, limits.MaxUnpackedBytes - unpacked));
            while (content.Read(buffer) > 0) { }
            unpacked += content.BytesRead;
            if (content.Exceeded) return new("Upload.TooLargeUnpacked", unpacked);
        }
        return new(null, unpacked);
    }
}
