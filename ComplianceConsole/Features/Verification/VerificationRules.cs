using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Identifiers;

namespace ComplianceConsole.Features.Verification;

/// <summary>An identifier as submitted, normalised and checked for its method; <see cref="ErrorKey"/> says why it is not valid.</summary>
public sealed record ParsedIdentifier(string Normalized, string? ErrorKey)
{
    public bool IsValid => ErrorKey is null;
}

public static class VerificationRules
{
    public const int MaxExternalIdLength = 64;
    public const int MaxDisplayNameLength = 100;
    public const int MaxRealNameLength = 100;
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

    /// <summary>
    /// The earliest submission time accepted. Nothing in this register can predate 2000: the Provisions date from
    /// 2022, mobile real-name registration from 2010, and older times are typing or default-value mistakes (1900-01-01).
    /// </summary>
    public static readonly DateTime EarliestSubmittedAtUtc = new(2000, 1, 1, 0, 0, 0, DateTimeKind.Utc);

    /// <summary>How far a submission time may be ahead of this server's clock: the platform's clock may run a little fast.</summary>
    public static readonly TimeSpan AllowedClockSkew = TimeSpan.FromMinutes(5);

    /// <summary>Why a submission time is impossible, or null when it is absent (meaning now) or possible.</summary>
    public static FieldError? SubmittedAtError(DateTime? submittedAtUtc, DateTime nowUtc) =>
        submittedAtUtc < EarliestSubmittedAtUtc
            ? new(nameof(VerificationSubmission.SubmittedAtUtc), "Verification.SubmittedTooEarly", EarliestSubmittedAtUtc.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture))
        : submittedAtUtc > nowUtc + AllowedClockSkew
            ? new(nameof(VerificationSubmission.SubmittedAtUtc), "Verification.SubmittedInFuture", AllowedClockSkew.TotalMinutes)
        : null;

    /// <summary>Free text (display names): trimmed, inner runs of white space, full-width U+3000 included, as one space.</summary>
    public static string NormalizeText(string? raw) =>
        string.Join(' ', (raw ?? "").Split((char[]?)null, StringSplitOptions.RemoveEmptyEntries));

    /// <summary>
    /// Real names: as <see cref="NormalizeText"/>, and a space between two Chinese characters dropped, because
    /// two-character names are often padded to the width of three with a full-width space (<c>王　五</c> is 王五).
    /// Spaces between Latin words stay (<c>John Smith</c>).
    /// </summary>
    public static string NormalizeName(string? raw)
    {
        var text = NormalizeText(raw);
        var name = new System.Text.StringBuilder(text.Length);
        for (var i = 0; i < text.Length; i++)
        {
            if (text[i] == ' ' && IsHan(text[i - 1]) && IsHan(text[i + 1])) continue; // NormalizeText leaves no space at either end
            name.Append(text[i]);
        }
        return name.ToString();
    }

    private static bool IsHan(char c) => c is >= '\u3400' and <= '\u9FFF' or >= '\uF900' and <= '\uFAFF';
}
