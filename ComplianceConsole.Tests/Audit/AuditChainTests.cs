using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Audit;

public sealed class AuditChainTests : IAsyncLifetime
{
    private readonly TestApp _app = new();
    private IDbContextFactory<AppDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    private AuditTrail Trail => _app.Services.GetRequiredService<AuditTrail>();
    private AuditHash Hasher => _app.Services.GetRequiredService<AuditHash>();
    private AuditCheckpoints Checkpoints => _app.Services.GetRequiredService<AuditCheckpoints>();

    public async ValueTask InitializeAsync()
    {
        _app.Services.GetRequiredService<AuditTrail>(); // starts the host: migrations, roles
        for (var i = 1; i <= 6; i++)
        {
            await Trail.RecordAsync(Contexts, new AuditActor("u1", "verifier@example.cn", "10.0.0.1"), AuditActions.SignInSucceeded,
                "Staff", "u1", new { attempt = i, note = "中文备注" }, TestContext.Current.CancellationToken);
        }
    }

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken: TestContext.Current.CancellationToken);
    }

    private async Task ExecuteAsync(string sql)
    {
        await using var db = await _app.Services.ReadContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Events_link_to_the_hash_of_the_event_before_them()
    {
        await using var db = await _app.Services.ReadContextAsync();
        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, events[0].PreviousHash);
        for (var i = 1; i < events.Count; i++) Assert.Equal(events[i - 1].Hash, events[i].PreviousHash);
        Assert.All(events, e => Assert.Equal(Hasher.Compute(e), e.Hash));
        Assert.All(events, e => Assert.Equal(AuditHashKind.KeyedHmac, e.HashKind));
    }

    [Fact]
    public async Task An_untouched_chain_verifies()
    {
        var result = await VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(6, result.EventsChecked);
    }

    [Fact]
    public async Task An_altered_event_is_reported_at_its_sequence()
    {
        await ExecuteAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'someone-else@example.cn' WHERE \"Sequence\" = 3");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(ChainBreak.Altered, result.Break);
    }

    [Fact]
    public async Task A_removed_event_is_reported_as_missing()
    {
        await ExecuteAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" = 4");
        var result = await VerifyAsync();
        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Equal(ChainBreak.Missing, result.Break);
    }

    [Fact]
    public async Task An_attacker_without_the_key_cannot_rewrite_the_chain_from_an_altered_event_on()
    {
        // What a script with database access can do: alter event 3 and recompute every later hash, unkeyed.
        await using (var db = await _app.Services.ReadContextAsync())
        {
            var events = await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).ToListAsync();
            events[2].Details = "{\"attempt\":99}";
            for (var i = 2; i < events.Count; i++)
            {
                events[i].PreviousHash = events[i - 1].Hash;
                events[i].HashKind = AuditHashKind.Sha256;
                events[i].Hash = new AuditHash(new AuditKey(new byte[32])).Compute(events[i]); // the plain SHA-256 form, no key needed
                await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Details\" = {events[i].Details}, \"PreviousHash\" = {events[i].PreviousHash}, \"Hash\" = {events[i].Hash}, \"HashKind\" = 0 WHERE \"Sequence\" = {events[i].Sequence}");
            }
        }
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal([3L, 4, 5, 6], result.Breaks.Where(b => b.Kind == ChainBreak.Downgraded).Select(b => b.Sequence));

        // Keyed hashes made with any other key fail as well.
        await using (var db = await _app.Services.ReadContextAsync())
        {
            var third = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 3);
            third.HashKind = AuditHashKind.KeyedHmac;
            var forged = new AuditHash(new AuditKey(System.Security.Cryptography.RandomNumberGenerator.GetBytes(32))).Compute(third);
            await db.Database.ExecuteSqlAsync($"UPDATE \"AuditEvents\" SET \"Hash\" = {forged}, \"HashKind\" = 1 WHERE \"Sequence\" = 3");
        }
        Assert.Contains(new ChainBreakAt(3, ChainBreak.Altered), (await VerifyAsync()).Breaks);
    }

    [Fact]
    public async Task Every_break_is_listed_not_only_the_first()
    {
        await ExecuteAsync("UPDATE \"AuditEvents\" SET \"ActorName\" = 'x@example.cn' WHERE \"Sequence\" = 2");
        await ExecuteAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" IN (3, 4)");
        await ExecuteAsync("UPDATE \"AuditEvents\" SET \"TargetId\" = 'u9' WHERE \"Sequence\" = 6");
        var result = await VerifyAsync();
        Assert.Equal([new ChainBreakAt(2, ChainBreak.Altered), new ChainBreakAt(3, ChainBreak.Missing), new ChainBreakAt(4, ChainBreak.Missing),
            new ChainBreakAt(6, ChainBreak.Altered)], result.Breaks);
        Assert.Equal(4, result.BreakCount);
    }

    [Fact]
    public async Task Cutting_events_off_the_end_is_caught_by_the_signed_checkpoint_even_when_new_events_reuse_their_numbers()
    {
        var checkpoint = await Checkpoints.WriteAsync();
        Assert.Equal(6, checkpoint!.Sequence);
        await ExecuteAsync("DELETE FROM \"AuditEvents\" WHERE \"Sequence\" >= 5");
        Assert.Equal([new ChainBreakAt(6, ChainBreak.Truncated)], (await VerifyAsync()).Breaks);

        // Removing the checkpoints from the database hides nothing: the checkpoint file outside it still has them.
        await ExecuteAsync("DELETE FROM \"AuditCheckpoints\"");
        Assert.Equal([new ChainBreakAt(6, ChainBreak.Truncated)], (await VerifyAsync()).Breaks);

        await Trail.RecordAsync(Contexts, AuditActor.System, AuditActions.ChainVerified);
        await Trail.RecordAsync(Contexts, AuditActor.System, AuditActions.ChainVerified);
        Assert.Equal([new ChainBreakAt(6, ChainBreak.CheckpointMismatch)], (await VerifyAsync()).Breaks);
    }

    [Fact]
    public async Task A_checkpoint_made_without_the_key_is_reported_as_forged()
    {
        await using (var db = await _app.Services.ReadContextAsync())
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint { Sequence = 3, Hash = "ab", CreatedAtUtc = DateTime.UtcNow, Signature = new string('0', 64) });
            await db.SaveChangesAsync();
        }
        Assert.Contains(new ChainBreakAt(3, ChainBreak.CheckpointForged), (await VerifyAsync()).Breaks);
    }

    [Fact]
    public void The_key_lives_outside_the_database_readable_by_the_app_alone()
    {
        var keyFile = Path.Combine(_app.DataFolderPath, AuditKeys.HmacKeyFileName);
        Assert.True(File.Exists(keyFile));
        if (!OperatingSystem.IsWindows()) Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(keyFile));
    }

    [Fact]
    public async Task Checkpoints_asked_for_at_the_same_moment_sign_the_head_once()
    {
        var written = await Task.WhenAll(Enumerable.Range(0, 8).Select(_ => Task.Run(() => Checkpoints.WriteAsync(TestContext.Current.CancellationToken))));

        Assert.Single(written.Select(c => c!.Signature).Distinct());
        await using var db = await Contexts.CreateDbContextAsync(TestContext.Current.CancellationToken);
        Assert.Equal(1, await db.AuditCheckpoints.CountAsync(TestContext.Current.CancellationToken));
    }

    [Fact]
    public async Task Concurrent_writers_in_and_out_of_transactions_keep_one_gapless_chain()
    {
        await _app.CompleteSetupAsync();
        // Each a different account: on PostgreSQL two changes to one account at once are a conflict, as they should be.
        var staffIds = new List<string>();
        for (var i = 0; i < 12; i++) staffIds.Add(await _app.CreateStaffAsync($"busy{i}@example.cn", ComplianceConsole.Security.Roles.Verifier));
        var work = Enumerable.Range(0, 24).Select(async i =>
        {
            if (i % 2 == 0)
            {
                await using var admin = _app.As(TestApp.AdminEmail);
                var result = await admin.Get<ComplianceConsole.Features.Staff.StaffService>().UnlockAsync(staffIds[i / 2]);
                Assert.True(result.Succeeded);
            }
            else
            {
                await Trail.RecordAsync(Contexts, AuditActor.System, AuditActions.ChainVerified, details: new { i });
            }
        });
        await Task.WhenAll(work);

        var result = await VerifyAsync();
        Assert.True(result.Intact);
        Assert.Equal(6 + 1 + 24, result.EventsChecked); // six from the arrangement, setup, and the 24 concurrent ones
    }

    [Fact]
    public async Task The_app_refuses_to_update_or_delete_an_event()
    {
        await using var db = await _app.Services.ReadContextAsync();
        var first = await db.AuditEvents.SingleAsync(e => e.Sequence == 1);
        first.ActorName = "tampered";
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
        db.ChangeTracker.Clear();
        db.AuditEvents.Remove(await db.AuditEvents.SingleAsync(e => e.Sequence == 2));
        await Assert.ThrowsAsync<InvalidOperationException>(() => db.SaveChangesAsync());
    }

    public ValueTask DisposeAsync()
    {
        _app.Dispose();
        return ValueTask.CompletedTask;
    }
}
