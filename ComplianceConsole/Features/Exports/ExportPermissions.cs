using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Exports;

public static class ExportPermissions
{
    /// <summary>Export masked spreadsheets, see the export history and download its files, verify a file.</summary>
    public const string Create = "Exports.Create";

    /// <summary>Export with PII unmasked (also needs <c>Pii.Reveal</c> and a typed reason, audited).</summary>
    public const string Unmasked = "Exports.Unmasked";

    /// <summary>What an unmasked export needs: the export permission and the one to see personal data.</summary>
    public static readonly string[] ToUnmask = [Unmasked, PiiPermissions.Reveal];

    /// <summary>Schedule recurring reports.</summary>
    public const string Schedule = "Exports.Schedule";

    /// <summary>Tooling checks whether a workbook is an unaltered export (an API key scope).</summary>
    public const string VerifyFile = "Exports.Verify";
}
