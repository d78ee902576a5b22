using System.Text;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;

namespace ComplianceConsole.Security.Pii;

/// <summary>
/// Encrypts each Data Protection key (they sign sign-in cookies and one-time links) before it is stored in the database, with
/// the personal-data key (<see cref="PiiProtector"/>, AES-256-GCM): whoever reads the database without <c>pii-keys.json</c>
/// can neither read the keys nor forge a sign-in. Keys stored unencrypted before this stay readable until they expire.
/// The protector is looked up when a key is encrypted, not when Data Protection is built: the key file is not loaded before <see cref="PiiKeyCheck"/> ran.
/// </summary>
internal sealed class DataProtectionKeyEncryptor(IServiceProvider services) : IXmlEncryptor
{
    public EncryptedXmlInfo Encrypt(XElement plaintextElement)
    {
        var cipher = services.GetRequiredService<PiiProtector>().EncryptBytes(Encoding.UTF8.GetBytes(plaintextElement.ToString(SaveOptions.DisableFormatting)));
        return new EncryptedXmlInfo(new XElement("encryptedKey", Convert.ToBase64String(cipher)), typeof(DataProtectionKeyDecryptor));
    }
}

/// <summary>Reads a key that <see cref="DataProtectionKeyEncryptor"/> stored; Data Protection creates it by type name.</summary>
internal sealed class DataProtectionKeyDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement) =>
        XElement.Parse(Encoding.UTF8.GetString(services.GetRequiredService<PiiProtector>().DecryptBytes(Convert.FromBase64String(encryptedElement.Value))));
}
