namespace ComplianceConsole.Common;

/// <summary>How pages show a value that is not there: a dash, never a blank that reads as a rendering fault.</summary>
public static class Display
{
    public const string Dash = "—";

    public static string OrDash(string? text) => string.IsNullOrWhiteSpace(text) ? Dash : text;

    /// <summary>A file size as people read it: bytes, KB or MB (1,024-based), one decimal past a kilobyte.</summary>
    public static string Bytes(long bytes) => bytes switch
    {
        < 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes} B"),
        < 1024 * 1024 => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KB"),
        _ => string.Create(System.Globalization.CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MB"),
    };
}
