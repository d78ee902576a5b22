using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Audit;

/// <summary>
/// Runs after the database migrator, before anything writes an audit event: creates the audit keys only while the database holds
/// no audit event, and refuses to start when a key the existing history needs is missing or is not the one that history was made
/// with. A new key in their place would sign the head and make every older event read as tampered: a lost key could no longer be
/// told from an attack.
/// </summary>
internal sealed class AuditKeyStartupCheck(IDbContextFactory<AppDbContext> contextFactory, AuditKeys keys, AuditHash hasher,
    AuditCheckpoints checkpoints, ILogger<AuditKeyStartupCheck> logger) : IHostedService
{
    // The newest few are enough to recognise the key; one altered event must not stop the app (verification reports it).
    private const int Sample = 20;

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var events = await db.AuditEvents.LongCountAsync(cancellationToken);
        if (events == 0)
        {
            keys.CreateMissing();
            return;
        }
        if (!File.Exists(keys.HmacKeyPath)) Refuse(Missing(keys.HmacKeyPath, events));
        var newestKeyed = await db.AuditEvents.AsNoTracking().Where(e => e.HashKind == AuditHashKind.KeyedHmac)
            .OrderByDescending(e => e.Sequence).Take(Sample).ToListAsync(cancellationToken);
        if (newestKeyed.Count > 0 && !newestKeyed.Any(e => e.Hash == hasher.Compute(e))) Refuse(Foreign(keys.HmacKeyPath, events));

        var newestSigned = await db.AuditCheckpoints.AsNoTracking().OrderByDescending(c => c.Id).Take(Sample).ToListAsync(cancellationToken);
        var asymmetric = newestSigned.Where(c => !AuditCheckpoints.IsLegacyHmac(c)).ToList();
        if (!File.Exists(keys.SigningKeyPath))
        {
            if (asymmetric.Count > 0) Refuse(Missing(keys.SigningKeyPath, events));
            // A history from before checkpoints were signed asymmetrically: its first such checkpoint is signed with this new key.
            keys.CreateMissing();
            logger.LogWarning("Created the audit signing key {Path}; back it up, and give its public key to your witnesses.", keys.SigningKeyPath);
            return;
        }
        var trusted = await checkpoints.TrustedKeysAsync(cancellationToken);
        if (asymmetric.Count > 0 && !asymmetric.Any(c => checkpoints.IsGenuine(c, trusted))) Refuse(Foreign(keys.SigningKeyPath, events));
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private void Refuse(string message)
    {
        logger.LogCritical("{Message}", message);
        throw new StartupRefusedException(message);
    }

    private static string Missing(string path, long events) =>
        $"启动已停止：审计密钥文件 {path} 不存在，但数据库中有 {events} 条由它签名的审计记录。请从备份恢复该文件（新密钥会使全部历史记录无法验证）。\n" +
        $"Start-up stopped: the audit key file {path} is missing, but the database holds {events} audit events made with it. " +
        "Restore the file from your backup (a new key would make the whole history unverifiable).";

    private static string Foreign(string path, long events) =>
        $"启动已停止：审计密钥文件 {path} 不是数据库中 {events} 条审计记录所用的密钥。请从备份恢复原来的文件。\n" +
        $"Start-up stopped: the audit key file {path} is not the key the {events} audit events in the database were made with. " +
        "Restore the original file from your backup.";
}
