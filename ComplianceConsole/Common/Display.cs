namespace ComplianceConsole.Common;

/// <summary>How pages show a value that is not there: a dash, never a blank that reads as a rendering fault.</summary>
public static class Display
{
    public const string Dash = "—";

    public static string OrDash(string? text) => string.IsNullOrWhiteSpace(text) ? Dash : text;
}
