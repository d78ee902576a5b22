using System.Security.Cryptography;
using System.Text;
using ComplianceConsole.Security.Pii;

namespace ComplianceConsole.Features.Verification;

public static class VerificationHashes
{
    /// <summary>The keyed lookup hash of a normalised identifier; the method is part of it, so a mobile number never matches an ID number.</summary>
    public static string Identifier(PiiProtector pii, VerificationMethod method, string normalized) =>
        pii.LookupHash(method.ToString(), normalized);

    /// <summary>
    /// The same person submitting the same identity at the same time is one submission, however often it arrives.
    /// A submission without a time is keyed without one, so re-importing the same file adds nothing.
    /// </summary>
    public static string SubmissionKey(string externalUserId, VerificationMethod method, string identifierHash, DateTime? submittedAtUtc) =>
        Convert.ToHexStringLower(SHA256.HashData(Encoding.UTF8.GetBytes(
            $"{externalUserId}\n{method}\n{identifierHash}\n{submittedAtUtc?.ToUniversalTime().ToString("O") ?? ""}")));
}
