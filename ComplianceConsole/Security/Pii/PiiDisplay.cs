using System.Security.Cryptography;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Personal data decrypted for a grid row: a value this key ring cannot decrypt shows as unreadable in its own row
/// instead of failing the whole page (one record written under a lost key used to take every page with it down).
/// </summary>
public sealed class PiiDisplay(PiiProtector pii, IStringLocalizer<SharedResource> localizer, ILogger<PiiDisplay> logger)
{
    public string Masked(byte[] cipher, Func<string, string> mask)
    {
        try
        {
            return mask(pii.Decrypt(cipher));
        }
        catch (CryptographicException)
        {
            logger.LogError("A stored value encrypted with key {KeyId} cannot be decrypted with the personal-data key file.", cipher.Length > 0 ? cipher[0] : 0);
            return localizer["Pii.Unreadable"];
        }
    }
}
