using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Exports.Signing;

/// <summary>
/// The console's export signing key (<see cref="EcdsaSigner"/>). The private key lives outside the database, in
/// <c>export-signing-private-key.pem</c> in the data folder (or the file named by <c>ComplianceConsole:ExportSigningKeyFile</c>),
/// created owner-only on first run, only while no export in the history is signed: someone who can write to the database or edit a
/// workbook but does not hold this file cannot sign. Anyone may have the public key; its fingerprint is printed on every cover.
/// </summary>
public sealed class ExportSigner(ECDsa key) : EcdsaSigner(key)
{
    public const string ConfigurationKey = "ComplianceConsole:ExportSigningKeyFile";
    public const string DefaultFileName = "export-signing-private-key.pem";

    /// <summary>The name the public key is downloaded under (the README's offline check uses it).</summary>
    public const string PublicKeyFileName = "export-signing-key.pem";

    public static string PathFor(IConfiguration configuration, DataFolder dataFolder)
    {
        var configured = configuration[ConfigurationKey];
        return string.IsNullOrWhiteSpace(configured) ? dataFolder.File(DefaultFileName) : Path.GetFullPath(configured);
    }

    /// <summary>
    /// Reads the key file. <paramref name="newestSignedFingerprint"/> is the key that signed the newest signed export in the history
    /// (null when none is signed): only without one is a missing file in the data folder created. A new key in place of a lost or
    /// damaged one would sign what comes next while every earlier export re-saved by a spreadsheet program read as another
    /// installation's, so a missing, unreadable or other key stops start-up with a message naming the file to restore.
    /// </summary>
    public static ExportSigner Load(IConfiguration configuration, DataFolder dataFolder, string? newestSignedFingerprint = null)
    {
        var path = PathFor(configuration, dataFolder);
        if (!File.Exists(path))
        {
            if (!string.IsNullOrWhiteSpace(configuration[ConfigurationKey])) throw new StartupRefusedException(ExportSigningKeyMessages.Missing(path));
            if (newestSignedFingerprint is not null) throw new StartupRefusedException(ExportSigningKeyMessages.MissingWithExports(path));
            CreateKeyFile(path);
        }
        var signer = TryReadPrivatePem(path) is { } key ? new ExportSigner(key) : throw new StartupRefusedException(ExportSigningKeyMessages.Unreadable(path));
        if (newestSignedFingerprint is not null && newestSignedFingerprint != signer.Fingerprint)
        {
            signer.Dispose();
            throw new StartupRefusedException(ExportSigningKeyMessages.Foreign(path));
        }
        return signer;
    }
}
