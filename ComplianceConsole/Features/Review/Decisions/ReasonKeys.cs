namespace ComplianceConsole.Features.Review;

/// <summary>
/// A letter for each reason, fixed by its place in the taxonomy: typed into the focused reason list, the browser picks the
/// reason that starts with it, so any reason is one key away whatever the outcome (the list's own order stays the taxonomy's).
/// </summary>
public static class ReasonKeys
{
    public static string Of(string code)
    {
        var index = ReviewReasonCodes.All.ToList().FindIndex(r => r.Code == code);
        return index < 0 ? "" : ((char)('A' + index)).ToString();
    }
}
