using System.Globalization;

namespace ComplianceConsole.Features.Exports;

internal static class ExportIds
{
    /// <summary>An id as a code cell's text, the same on every machine.</summary>
    public static string Of(long id) => id.ToString(CultureInfo.InvariantCulture);
}
