namespace ComplianceConsole.Features.Registry;

/// <summary>Why a consent does or does not allow an edit at a moment.</summary>
public enum ConsentState { Valid, Missing, NotYetValid, Expired, Withdrawn, OtherEdit }

/// <summary>Whether a consent allows an edit at a moment: in its period, not withdrawn, and covering what is edited.</summary>
public static class ConsentValidity
{
    public static bool Covers(BiometricEdit given, BiometricEdit wanted) => given == BiometricEdit.FaceAndVoice || given == wanted;

    public static ConsentState StateAt(BiometricEdit edits, DateTime validFromUtc, DateTime? validUntilUtc, DateTime? withdrawnAtUtc, BiometricEdit wanted, DateTime atUtc) =>
        withdrawnAtUtc is { } withdrawn && withdrawn <= atUtc ? ConsentState.Withdrawn
        : atUtc < validFromUtc ? ConsentState.NotYetValid
        : validUntilUtc is { } until && until <= atUtc ? ConsentState.Expired
        : !Covers(edits, wanted) ? ConsentState.OtherEdit
        : ConsentState.Valid;

    /// <summary>
    /// The last second a consent is valid: the stored end is the first moment it no longer is (a consent valid until 20 December
    /// ends at 21 December 00:00), which people read as one day too many.
    /// </summary>
    public static DateTime? LastValidMoment(DateTime? validUntilUtc) => validUntilUtc?.AddSeconds(-1);

    /// <summary>The answer for several consents of the same pair: valid if any is; otherwise the reason of the most recent.</summary>
    public static ConsentState Best(IEnumerable<ConsentState> states)
    {
        var all = states.ToList();
        return all.Count == 0 ? ConsentState.Missing : all.Contains(ConsentState.Valid) ? ConsentState.Valid : all[0];
    }
}
