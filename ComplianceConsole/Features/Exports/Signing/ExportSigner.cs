using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Exports.Signing;

/// <summary>
/// The console's export signing key (<see cref="EcdsaSigner"/>). The private key lives outside the database, in
/// <c>export-signing-private-key.pem</c> in the data folder (or the file named by <c>ComplianceConsole:ExportSigningKeyFile</c>),
/// created owner-only on first run: someone who can write to the database or edit a workbook but does not hold this
/// file cannot sign. Anyone may have the public key; its fingerprint is printed on every cover.
/// </summary>
public sealed class ExportSigner(ECDsa key) : EcdsaSigner(key)
{
    public const string ConfigurationKey = "ComplianceConsole:ExportSigningKeyFile";
    public const string DefaultFileName = "export-signing-private-key.pem";

    /// <summary>The name the public key is downloaded under (the README's offline check uses it).</summary>
    public const string PublicKeyFileName = "export-signing-key.pem";

    public static ExportSigner Load(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration[ConfigurationKey];
        var path = string.IsNullOrWhiteSpace(configured) ? dataFolder.File(DefaultFileName) : Path.GetFullPath(configured);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configured)) throw new FileNotFoundException($"The export signing key file {path} does not exist.");
            CreateKeyFile(path);
        }
        return new ExportSigner(ReadPem(path));
    }
}
