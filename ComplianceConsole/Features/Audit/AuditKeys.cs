using ComplianceConsole.Data;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// The audit chain's two keys, both outside the database: the HMAC secret that keys each event (<c>audit-key.json</c>, or the file
/// named by <c>ComplianceConsole:AuditKeyFile</c>) and the ECDSA P-256 private key that signs checkpoints (<c>audit-signing-key.pem</c>,
/// or <c>ComplianceConsole:Audit:SigningKeyFile</c>), verifiable with the public key alone. Read on first use, never created here:
/// <see cref="AuditKeyStartupCheck"/> creates them only while the database holds no audit event, and refuses to start without them.
/// </summary>
public sealed class AuditKeys(IConfiguration configuration, DataFolder dataFolder) : IDisposable
{
    public const string HmacKeyConfigurationKey = "ComplianceConsole:AuditKeyFile";
    public const string HmacKeyFileName = "audit-key.json";
    public const string SigningKeyConfigurationKey = "ComplianceConsole:Audit:SigningKeyFile";
    public const string SigningKeyFileName = "audit-signing-key.pem";

    /// <summary>The name the public key is downloaded under (the README's <c>audit verify</c> example uses it).</summary>
    public const string PublicKeyFileName = "audit-signing-public-key.pem";

    private readonly Lazy<AuditKey> _hmac = new(() => AuditKey.Read(PathOf(configuration, dataFolder, HmacKeyConfigurationKey, HmacKeyFileName)));
    private readonly Lazy<EcdsaSigner> _signer = new(() => ReadSigner(PathOf(configuration, dataFolder, SigningKeyConfigurationKey, SigningKeyFileName)));

    public string HmacKeyPath => PathOf(configuration, dataFolder, HmacKeyConfigurationKey, HmacKeyFileName);
    public string SigningKeyPath => PathOf(configuration, dataFolder, SigningKeyConfigurationKey, SigningKeyFileName);

    public AuditKey Hmac => _hmac.Value;
    public EcdsaSigner Signer => _signer.Value;

    /// <summary>Creates whichever key file is missing; only for a chain without events.</summary>
    internal void CreateMissing()
    {
        if (!File.Exists(HmacKeyPath)) AuditKey.CreateKeyFile(HmacKeyPath);
        if (!File.Exists(SigningKeyPath)) EcdsaSigner.CreateKeyFile(SigningKeyPath);
    }

    /// <summary>The signing key, or a refusal naming the file when it is damaged, not readable by this account or not a P-256 private key.</summary>
    private static EcdsaSigner ReadSigner(string path) => EcdsaSigner.TryReadPrivatePem(path) is { } key
        ? new EcdsaSigner(key)
        : throw new StartupRefusedException(
            $"启动已停止：审计签名密钥文件 {path} 无法读取（已损坏、无权读取或不是 ECDSA P-256 私钥）。请从备份恢复该文件。\n" +
            $"Start-up stopped: the audit signing key file {path} cannot be read (damaged, not readable by this account, or not an ECDSA P-256 private key). Restore it from your backup.");

    private static string PathOf(IConfiguration configuration, DataFolder dataFolder, string configurationKey, string fileName) =>
        string.IsNullOrWhiteSpace(configuration[configurationKey]) ? dataFolder.File(fileName) : Path.GetFullPath(configuration[configurationKey]!);

    public void Dispose()
    {
        if (_signer.IsValueCreated) _signer.Value.Dispose();
    }
}
