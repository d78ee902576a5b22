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
        await using var db = await Contexts.CreateDbContextAsync();
        await db.Database.ExecuteSqlRawAsync(sql);
    }

    [Fact]
    public async Task Events_link_to_the_hash_of_the_event_before_them()
    {
        await using var db = await Contexts.CreateDbContextAsync();
        var events = await db.AuditEvents.OrderBy(e => e.Sequence).ToListAsync();
        Assert.Equal(Enumerable.Range(1, 6).Select(i => (long)i), events.Select(e => e.Sequence));
        Assert.Equal(AuditHash.Genesis, events[0].PreviousHash);
        for (var i = 1; i < events.Count; i++) Assert.Equal(events[i - 1].Hash, events[i].PreviousHash);
        Assert.All(events, e => Assert.Equal(AuditHash.Compute(e), e.Hash));
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
        await ExecuteAsync("UPDATE AuditEvents SET ActorName = 'someone-else@example.cn' WHERE Sequence = 3");
        var result = await VerifyAsync();
        Assert.False(result.Intact);
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(ChainBreak.Altered, result.Break);
    }

    [Fact]
    public async Task A_removed_event_is_reported_as_missing()
    {
        await ExecuteAsync("DELETE FROM AuditEvents WHERE Sequence = 4");
        var result = await VerifyAsync();
        Assert.Equal(4, result.BrokenAtSequence);
        Assert.Equal(ChainBreak.Missing, result.Break);
    }

    [Fact]
    public async Task A_rehashed_forgery_still_breaks_the_link_to_the_next_event()
    {
        await using (var db = await Contexts.CreateDbContextAsync())
        {
            var forged = await db.AuditEvents.AsNoTracking().SingleAsync(e => e.Sequence == 2);
            forged.Details = "{\"attempt\":99}";
            var hash = AuditHash.Compute(forged);
            await db.Database.ExecuteSqlAsync($"UPDATE AuditEvents SET Details = {forged.Details}, Hash = {hash} WHERE Sequence = 2");
        }
        var result = await VerifyAsync();
        Assert.Equal(3, result.BrokenAtSequence);
        Assert.Equal(ChainBreak.Unlinked, result.Break);
    }

    [Fact]
    public async Task Concurrent_writers_in_and_out_of_transactions_keep_one_gapless_chain()
    {
        await _app.CompleteSetupAsync();
        var staffId = await _app.CreateStaffAsync("busy@example.cn", ComplianceConsole.Security.Roles.Verifier);
        var work = Enumerable.Range(0, 24).Select(async i =>
        {
            if (i % 2 == 0)
            {
                await using var admin = _app.As(TestApp.AdminEmail);
                var result = await admin.Get<ComplianceConsole.Features.Staff.StaffService>().UnlockAsync(staffId);
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
        await using var db = await Contexts.CreateDbContextAsync();
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
