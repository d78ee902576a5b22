namespace ComplianceConsole.Features.Review;

/// <summary>
/// A letter for each reason, fixed by its place in the taxonomy: typed into the focused reason list, it picks the reason
/// whatever the outcome (the list's own order stays the taxonomy's).
/// </summary>
public static class ReasonKeys
{
    private static readonly Dictionary<string, string> ByCode =
        ReviewReasonCodes.All.Select((reason, index) => (reason.Code, Key: ((char)('A' + index)).ToString())).ToDictionary(r => r.Code, r => r.Key);

    public static string Of(string code) => ByCode.GetValueOrDefault(code, "");
}
