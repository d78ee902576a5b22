using System.Text.Json;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Quartz;

namespace ComplianceConsole.Tests.Security;

/// <summary>The issue "Trust under attack", the audit history: what a database writer, a data-folder writer and a key holder can no longer hide.</summary>
public sealed class AuditHistoryTamperingTests : IAsyncLifetime
{
    private readonly string _witnessFile = Path.Combine(Directory.CreateTempSubdirectory("cc-witness-").FullName, "audit-witness.log");
    private readonly TestApp _app;

    public AuditHistoryTamperingTests() => _app = new TestApp(new Dictionary<string, string> { [AuditCheckpoints.WitnessFileConfigurationKey] = _witnessFile });

    private IDbContextFactory<AppDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    private AuditCheckpoints Checkpoints => _app.Services.GetRequiredService<AuditCheckpoints>();
    private AuditHash Hasher => _app.Services.GetRequiredService<AuditHash>();
    private string CheckpointLog => Path.Combine(_app.DataFolderPath, "audit-checkpoints.log");

    public async ValueTask InitializeAsync()
    {
        for (var i = 1; i <= 6; i++)
        {
            await _app.Services.GetRequiredService<AuditTrail>().RecordAsync(Contexts, new AuditActor("u1", "verifier@example.cn", "10.0.0.1"),
                AuditActions.SignInSucceeded, "Staff", "u1", new { attempt = i }, TestContext.Current.CancellationToken);
        }
    }

    private async Task<ChainVerification> VerifyAsync(ChainEvidence? evidence = null)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken: TestContext.Current.CancellationToken, evidence: evidence);
    }

    /// <summary>What someone with the database and the checkpoint log, but not the witness, does: every local trace of the checkpoints goes.</summary>
    private async Task DeleteLocalCheckpointsAsync()
    {
        await using var db = await _app.Services.ReadContextAsync();
        await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditCheckpoints\"");
        File.Delete(CheckpointLog);
    }

    /// <summary>Alters event 3 and recomputes every later hash with <paramref name="hasher"/>, the way a script with database access would.</summary>
    private async Task RewriteFromEventThreeAsync(AuditHash hasher, AuditHashKind kind)
    {
        await using var db = await _app.Services.ReadContextAsync();
        var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
        events[2].Details = "{\"attempt\":99}";
        for (var i = 2; i < events.Count; i++)
        {
            events[i].PreviousHash = events[i - 1].Hash;
            events[i].HashKind = kind;
            events[i].Hash = hasher.Compute(events[i]);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Details\" = {events[i].Details}, \"PreviousHash\" = {events[i].PreviousHash}, \"Hash\" = {events[i].Hash}, \"HashKind\" = {(int)kind} WHERE \"Sequence\" = {events[i].Sequence}");
        }
    }

    [Fact]
    public async Task Every_event_rewritten_unkeyed_with_every_checkpoint_deleted_is_reported_as_downgraded()
    {
        await Checkpoints.WriteAsync();
        await using (var db = await _app.Services.ReadContextAsync())
        {
            var previous = AuditHash.Genesis;
            var unkeyed = new AuditHash(new AuditKey(new byte[32])); // the plain SHA-256 form: no key needed
            foreach (var e in await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync())
            {
                e.PreviousHash = previous;
                e.HashKind = AuditHashKind.Sha256;
                e.Hash = unkeyed.Compute(e);
                previous = e.Hash;
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"PreviousHash\" = {e.PreviousHash}, \"Hash\" = {e.Hash}, \"HashKind\" = 0 WHERE \"Sequence\" = {e.Sequence}");
            }
        }
        await DeleteLocalCheckpointsAsync();
        File.Delete(_witnessFile);

        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal([1L, 2, 3, 4, 5, 6], result.Breaks.Where(b => b.Kind == ChainBreak.Downgraded).Select(b => b.Sequence));
    }

    [Fact]
    public async Task Events_older_than_the_checkpoint_interval_that_no_checkpoint_covers_fail_saying_so()
    {
        // Events an hour old, made with the key (as the console made them), whose checkpoints were then deleted everywhere.
        await using (var db = await _app.Services.ReadContextAsync())
        {
            await using var transaction = await _app.Services.GetRequiredService<DatabaseWriteGate>().BeginUnauditedAsync(db, TestContext.Current.CancellationToken);
            var last = await db.AuditEvents.AsNoTracking().OrderByDescending(e => e.Sequence).FirstAsync();
            foreach (var sequence in new[] { last.Sequence + 1, last.Sequence + 2, last.Sequence + 3 })
            {
                var old = new AuditEvent
                {
                    Sequence = sequence, OccurredAtUtc = new DateTime(DateTime.UtcNow.AddHours(-1).Ticks / 10 * 10, DateTimeKind.Utc),
                    ActorName = "system", Action = AuditActions.ChainVerified, PreviousHash = last.Hash, HashKind = AuditHashKind.KeyedHmac,
                };
                old.Hash = Hasher.Compute(old);
                db.AuditEvents.Add(old);
                last = old;
            }
            await db.SaveChangesAsync();
            await transaction.CommitAsync(TestContext.Current.CancellationToken);
        }
        await Checkpoints.WriteAsync();
        Assert.True((await VerifyAsync()).Intact);

        await DeleteLocalCheckpointsAsync();
        File.Delete(_witnessFile);
        var result = await VerifyAsync();
        Assert.Equal([new ChainBreakAt(1, ChainBreak.Uncovered)], result.Breaks);
    }

    [Fact]
    public async Task A_rewrite_with_the_stolen_keys_and_rewritten_checkpoint_files_is_caught_by_the_witness_copy()
    {
        await Checkpoints.WriteAsync();
        await RewriteFromEventThreeAsync(Hasher, AuditHashKind.KeyedHmac);
        await DeleteLocalCheckpointsAsync();
        await Checkpoints.WriteAsync(); // the attacker signs the rewritten head with the stolen signing key
        var witnessCopy = _witnessFile + ".inspector";
        File.Move(_witnessFile, witnessCopy);

        Assert.True((await VerifyAsync()).Intact); // everything on the console's machine agrees with itself
        var withWitness = await VerifyAsync(new ChainEvidence(witnessCopy));
        Assert.Equal([new ChainBreakAt(6, ChainBreak.CheckpointMismatch)], withWitness.Breaks);
    }

    [Fact]
    public async Task The_newest_events_deleted_with_the_local_checkpoints_are_caught_by_the_witness_file()
    {
        await Checkpoints.WriteAsync();
        await using (var db = await _app.Services.ReadContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= 5");
        }
        await DeleteLocalCheckpointsAsync();
        Assert.Equal([new ChainBreakAt(6, ChainBreak.Truncated)], (await VerifyAsync()).Breaks);
    }

    [Fact]
    public async Task The_head_is_signed_every_minute_and_only_when_new_events_arrived()
    {
        var scheduler = await _app.Services.GetRequiredService<ISchedulerFactory>().GetScheduler();
        var trigger = Assert.IsAssignableFrom<ISimpleTrigger>(await scheduler.GetTrigger(new TriggerKey("audit-checkpoint", "console")));
        Assert.Equal(TimeSpan.FromMinutes(1), trigger.RepeatInterval);
        // The job signs on its own schedule too, and on a slow run its first firing signed the same head beside the first write
        // here: the head is compared, then the next write, by then alone, must sign nothing new.
        var first = await Checkpoints.WriteAsync();
        var again = await Checkpoints.WriteAsync();
        Assert.Equal((first!.Sequence, first.Hash), (again!.Sequence, again.Hash));
        Assert.Equal(again.Id, (await Checkpoints.WriteAsync())!.Id);
        await _app.Services.GetRequiredService<AuditTrail>().RecordAsync(Contexts, AuditActor.System, AuditActions.ChainVerified);
        Assert.Equal(7, (await Checkpoints.WriteAsync())!.Sequence);
    }

    [Fact]
    public async Task Each_checkpoint_is_queued_as_an_audit_checkpoint_webhook_event_verifiable_with_the_public_key_alone()
    {
        var written = await Checkpoints.WriteAsync();
        await using var db = await _app.Services.ReadContextAsync();
        // The minute's scheduled checkpoint may have signed an earlier head while the fixture was set up: each is queued, this one is ours.
        var queued = await db.PlatformEventOutbox.AsNoTracking().Where(e => e.Type == PlatformEventTypes.AuditCheckpoint).ToListAsync();
        var data = queued.Select(e => JsonDocument.Parse(e.Payload).RootElement).Single(d => d.GetProperty("sequence").GetInt64() == written!.Sequence);
        var checkpoint = new AuditCheckpoint
        {
            Sequence = data.GetProperty("sequence").GetInt64(), Hash = data.GetProperty("hash").GetString()!,
            CreatedAtUtc = data.GetProperty("createdAtUtc").GetDateTime().ToUniversalTime(), Signature = data.GetProperty("signature").GetString()!,
        };
        Assert.Equal(6, checkpoint.Sequence);
        var publicPem = Path.Combine(_app.DataFolderPath, "public.pem");
        await File.WriteAllTextAsync(publicPem, _app.Services.GetRequiredService<AuditKeys>().Signer.PublicKeyPem);
        using var publicKey = new EcdsaSigner(EcdsaSigner.ReadPem(publicPem));
        Assert.True(publicKey.VerifyText(checkpoint.SignedText(), checkpoint.Signature));
        Assert.Equal(publicKey.Fingerprint, data.GetProperty("keyFingerprint").GetString());
    }

    [Fact]
    public async Task Audit_verify_exits_zero_on_a_good_chain_and_non_zero_printing_the_break_on_a_bad_one()
    {
        await Checkpoints.WriteAsync();
        var publicPem = Path.Combine(_app.DataFolderPath, AuditKeys.PublicKeyFileName);
        await File.WriteAllTextAsync(publicPem, _app.Services.GetRequiredService<AuditKeys>().Signer.PublicKeyPem);

        var good = new StringWriter();
        Assert.Equal(0, await RunVerifyAsync(publicPem, good));

        await using (var db = await _app.Services.ReadContextAsync())
        {
            await db.Database.ExecuteSqlRawAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'someone-else@example.cn' WHERE \"Sequence\" = 3");
        }
        var bad = new StringWriter();
        Assert.Equal(1, await RunVerifyAsync(publicPem, bad));
        Assert.Contains("3\tAltered\t", bad.ToString());
    }

    private async Task<int> RunVerifyAsync(string publicPem, TextWriter output)
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditVerifyCommand>().RunAsync(_witnessFile, publicPem, output);
    }

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        Directory.Delete(Path.GetDirectoryName(_witnessFile)!, recursive: true);
        return ValueTask.CompletedTask;
    }
}
