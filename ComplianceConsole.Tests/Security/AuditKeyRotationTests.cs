using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

/// <summary>Audit keys have ids, and a rotation is a recorded, signed step after which the whole history still verifies.</summary>
public sealed class AuditKeyRotationTests : IDisposable
{
    private readonly TestApp _app = new() { KeepDataFolder = true };

    private IDbContextFactory<AppDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();

    private async Task RecordAsync(int count)
    {
        for (var i = 0; i < count; i++)
        {
            await _app.Services.GetRequiredService<AuditTrail>().RecordAsync(Contexts, new AuditActor("u1", "verifier@example.cn", "10.0.0.1"),
                AuditActions.SignInSucceeded, "Staff", "u1", new { attempt = i }, TestContext.Current.CancellationToken);
        }
    }

    private async Task<AuditKeysRotated> RotateAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditKeyRotation>().RotateAsync(TestContext.Current.CancellationToken);
    }

    /// <summary>Starts the app again on the same data folder (what follows a rotation run as a command) and verifies the chain there.</summary>
    private async Task<ChainVerification> VerifyAfterRestartAsync(ChainEvidence? evidence = null, Func<TestApp, Task>? before = null)
    {
        using var restarted = new TestApp(dataFolderPath: _app.DataFolderPath) { KeepDataFolder = true };
        if (before is not null) await before(restarted);
        await using var scope = restarted.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken: TestContext.Current.CancellationToken, evidence: evidence);
    }

    [Fact]
    public async Task After_a_rotation_the_whole_history_verifies_with_old_and_new_keys_and_new_events_use_the_new_ones()
    {
        await RecordAsync(3);
        await _app.Services.GetRequiredService<AuditCheckpoints>().WriteAsync();
        var keys = _app.Services.GetRequiredService<AuditKeys>();
        var (oldHmacId, oldFingerprint) = (keys.Hmac.CurrentId, keys.Signer.Fingerprint);

        var rotated = await RotateAsync();
        Assert.NotEqual(oldHmacId, rotated.HmacKeyId);
        Assert.NotEqual(oldFingerprint, rotated.SigningKeyFingerprint);
        Assert.True(File.Exists(rotated.RetiredSigningKeyPath));
        _app.Dispose();

        var result = await VerifyAfterRestartAsync(before: async restarted =>
        {
            var newKeys = restarted.Services.GetRequiredService<AuditKeys>();
            Assert.Equal((rotated.HmacKeyId, rotated.SigningKeyFingerprint), (newKeys.Hmac.CurrentId, newKeys.Signer.Fingerprint));
            var contexts = restarted.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await restarted.Services.GetRequiredService<AuditTrail>().RecordAsync(contexts, AuditActor.System, AuditActions.ChainVerified);
            await restarted.Services.GetRequiredService<AuditCheckpoints>().WriteAsync();
            Assert.Equal(rotated.HmacKeyId, newKeys.Hmac.IdFor(rotated.Sequence + 1));
            Assert.Equal(oldHmacId, newKeys.Hmac.IdFor(rotated.Sequence));
            await using var db = await contexts.CreateDbContextAsync();
            var keyIds = await db.AuditCheckpoints.Select(c => c.KeyId).Distinct().ToListAsync();
            Assert.Equal(new[] { oldFingerprint, rotated.SigningKeyFingerprint }.Order(), keyIds.Order());
        });
        Assert.True(result.Intact, string.Join(", ", result.Breaks));
        Assert.Equal(3, result.CheckpointsChecked);
    }

    [Fact]
    public async Task An_inspector_holding_only_the_first_public_key_follows_the_rotation_and_verifies_everything()
    {
        await RecordAsync(2);
        var firstPublicKey = new EcdsaSigner(EcdsaSigner.ReadPemText(_app.Services.GetRequiredService<AuditKeys>().Signer.PublicKeyPem));
        await RotateAsync();
        _app.Dispose();

        var result = await VerifyAfterRestartAsync(new ChainEvidence(PublicKey: firstPublicKey), async restarted =>
        {
            await restarted.Services.GetRequiredService<AuditTrail>().RecordAsync(
                restarted.Services.GetRequiredService<IDbContextFactory<AppDbContext>>(), AuditActor.System, AuditActions.ChainVerified);
            await restarted.Services.GetRequiredService<AuditCheckpoints>().WriteAsync();
        });
        Assert.True(result.Intact, string.Join(", ", result.Breaks));
    }

    [Fact]
    public async Task A_rotation_to_a_key_the_current_key_did_not_sign_for_vouches_for_nothing()
    {
        await RecordAsync(2);
        using var attackerOld = new EcdsaSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        using var attackerNew = new EcdsaSigner(ECDsa.Create(ECCurve.NamedCurves.nistP256));
        var hmac = _app.Services.GetRequiredService<AuditKeys>().Hmac;
        var forged = new AuditKeyRotationStatement(attackerOld.PublicKeyPem, attackerNew.PublicKeyPem, hmac.CurrentId, hmac.CurrentId, 99).SignedBy(attackerOld, attackerNew);
        // Written through the audit trail: the attacker even holds the HMAC key, but not the signing key.
        await _app.Services.GetRequiredService<AuditTrail>().RecordAsync(Contexts, AuditActor.System, AuditActions.AuditKeysRotated, details: forged);
        await using (var db = await _app.Services.ReadContextAsync())
        {
            var head = await db.AuditEvents.OrderByDescending(e => e.Sequence).FirstAsync();
            var checkpoint = new AuditCheckpoint { Sequence = head.Sequence, Hash = head.Hash, CreatedAtUtc = DateTime.UtcNow, KeyId = attackerNew.Fingerprint };
            checkpoint.Signature = attackerNew.SignText(checkpoint.SignedText());
            db.AuditCheckpoints.Add(checkpoint);
            await db.SaveChangesAsync();
        }

        await using var scope = _app.Services.CreateAsyncScope();
        var result = await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
        Assert.Contains(result.Breaks, b => b.Kind == ChainBreak.CheckpointForged);
    }

    [Fact]
    public async Task Removing_the_rotation_event_breaks_the_chain_and_orphans_the_new_keys_checkpoints()
    {
        await RecordAsync(2);
        var rotated = await RotateAsync();
        _app.Dispose();

        var result = await VerifyAfterRestartAsync(before: async restarted =>
        {
            var contexts = restarted.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
            await restarted.Services.GetRequiredService<AuditTrail>().RecordAsync(contexts, AuditActor.System, AuditActions.ChainVerified);
            await restarted.Services.GetRequiredService<AuditCheckpoints>().WriteAsync();
            await using var db = await contexts.CreateDbContextAsync();
            await db.Database.ExecuteSqlAsync($"DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = {rotated.Sequence}");
        });
        Assert.Contains(new ChainBreakAt(rotated.Sequence, ChainBreak.Missing), result.Breaks);
        Assert.Contains(result.Breaks, b => b.Kind == ChainBreak.CheckpointForged);
    }

    public void Dispose()
    {
        _app.Dispose();
        // As TestApp does: a file the stopped app's last writer closes a moment later may make the first delete find the folder not empty.
        try { Directory.Delete(_app.DataFolderPath, recursive: true); } catch (IOException) { }
    }
}
