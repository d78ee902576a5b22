using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.Verification;

/// <summary>An identifier as submitted, normalised and checked for its method; <see cref="ErrorKey"/> says why it is not valid.</summary>
public sealed record ParsedIdentifier(string Normalized, string? ErrorKey)
{
    public bool IsValid => ErrorKey is null;
}

public static class VerificationRules
{
    public const int MaxNoteLength = 1000;

    /// <summary>Longer than any identifier, mobile number or platform user id the grid can find.</summary>
    public const int MaxSearchLength = 128;

    public static ParsedIdentifier ParseIdentifier(VerificationMethod method, string? raw, DateOnly today)
    {
        var normalized = IdentifierText.Normalize(raw);
        return method switch
        {
            VerificationMethod.ResidentIdCard => Result(normalized, ResidentIdNumber.Validate(normalized, today)),
            VerificationMethod.UnifiedSocialCreditCode => Result(normalized, UnifiedSocialCreditCode.Validate(normalized)),
            VerificationMethod.MobileNumber => Result(MobileNumber.Canonical(normalized), MobileNumber.Validate(MobileNumber.Canonical(normalized))),
            // The token is opaque: only surrounding white space is dropped, its case matters.
            VerificationMethod.NationalOnlineIdentity => Result((raw ?? "").Trim(), NationalOnlineIdentityToken.Validate((raw ?? "").Trim())),
            _ => new ParsedIdentifier(normalized, "Identifier.UnknownMethod"),
        };
    }

    private static ParsedIdentifier Result<TError>(string normalized, TError? error) where TError : struct, Enum =>
        new(normalized, error is null ? null : $"{typeof(TError).Name.Replace("Error", "")}.{error}");

    public static string Mask(VerificationMethod method, string identifier) => method switch
    {
        VerificationMethod.ResidentIdCard => Masking.ResidentId(identifier),
        VerificationMethod.UnifiedSocialCreditCode => Masking.CreditCode(identifier),
        VerificationMethod.MobileNumber => Masking.Mobile(identifier),
        _ => Masking.Token(identifier),
    };

    /// <summary>Why a submission time is impossible, or null when it is absent (meaning now) or possible.</summary>
    public static FieldError? SubmittedAtError(DateTime? submittedAtUtc, DateTime nowUtc) =>
        submittedAtUtc < PlatformInput.EarliestSubmittedAtUtc
            ? new(nameof(VerificationSubmission.SubmittedAtUtc), "Verification.SubmittedTooEarly", PlatformInput.EarliestSubmittedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : submittedAtUtc > nowUtc + PlatformInput.AllowedClockSkew
            ? new(nameof(VerificationSubmission.SubmittedAtUtc), "Verification.SubmittedInFuture", PlatformInput.AllowedClockSkew.TotalMinutes)
        : null;
}
