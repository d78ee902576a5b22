using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Audit;

/// <summary>
/// On PostgreSQL writers commit their events sealed and the chain is written behind them: nobody waits on the chain's head nor for
/// the chain, the audit page shows an event the moment its action returned, and what is waiting to be chained can be neither
/// forged nor replayed into it.
/// </summary>
public sealed class AuditChainBehindWritersTests : IAsyncLifetime
{
    private const long ChainLockKey = 0x4343_4175_6469_74;
    private readonly TestApp _app = new();
    private IDbContextFactory<AppDbContext> Contexts => _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
    private AuditTrail Trail => _app.Services.GetRequiredService<AuditTrail>();
    private static CancellationToken Token => TestContext.Current.CancellationToken;

    public ValueTask InitializeAsync()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "SQLite has one writer: its writer chains its own event in its transaction.");
        _app.Services.GetRequiredService<AuditTrail>(); // starts the host
        return ValueTask.CompletedTask;
    }

    private Task RecordAsync(int i) => Trail.RecordAsync(Contexts, AuditActor.System, AuditActions.ChainVerified, details: new { i }, cancellationToken: Token);

    private async Task<ChainVerification> VerifyAsync()
    {
        await using var scope = _app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync(cancellationToken: Token);
    }

    private async Task<long> ChainedCountAsync()
    {
        await using var db = await Contexts.CreateDbContextAsync(Token);
        return await db.AuditEvents.LongCountAsync(Token);
    }

    [Fact]
    public async Task Events_are_chained_right_after_their_actions_return_without_anyone_asking()
    {
        await Task.WhenAll(Enumerable.Range(0, 20).Select(RecordAsync));

        await WaitFor.ConditionAsync(async () => await ChainedCountAsync() == 20);
        await using var db = await Contexts.CreateDbContextAsync(Token);
        Assert.False(await db.PendingAuditEvents.AnyAsync(Token));
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task The_audit_page_shows_an_event_committed_a_moment_ago()
    {
        await _app.CreateStaffAsync("auditor@example.cn", Roles.Auditor);
        // Committed by its caller, so no pass was asked for: only the keeper's every-second pass or the reader itself chains it.
        await using (var db = await Contexts.CreateDbContextAsync(Token))
        await using (var transaction = await Trail.BeginAsync(db, cancellationToken: Token))
        {
            await Trail.SaveWithAuditAsync(db, AuditActor.System, AuditActions.ChainVerified, "Test", "just-now", cancellationToken: Token);
            await transaction.CommitAsync(Token);
        }

        await using var auditor = _app.As("auditor@example.cn");
        var page = await auditor.Get<AuditQueryService>().GetPageAsync(new AuditFilter(), PageAnchor.First, null, 10, Token);
        Assert.Contains(page.Items, e => e.TargetId == "just-now");
    }

    [Fact]
    public async Task Writers_go_on_while_a_stalled_instance_holds_the_chain_and_their_events_are_chained_after_it()
    {
        await RecordAsync(0);
        await _app.Services.ChainAuditAsync();
        // Another instance frozen in the middle of a chaining pass: its transaction holds the chain's lock.
        await using var stalled = await Contexts.CreateDbContextAsync(Token);
        await using var held = await stalled.Database.BeginTransactionAsync(Token);
        await stalled.Database.ExecuteSqlAsync($"SELECT pg_advisory_xact_lock({ChainLockKey})", Token);

        await Task.WhenAll(Enumerable.Range(1, 5).Select(RecordAsync)); // every action returns: none waits for the chain
        Assert.Equal(1, await ChainedCountAsync());

        await held.RollbackAsync(Token); // the server ends the frozen transaction (idle_in_transaction_session_timeout)
        await WaitFor.ConditionAsync(async () => await ChainedCountAsync() == 6);
        Assert.True((await VerifyAsync()).Intact);
    }

    [Fact]
    public async Task A_waiting_event_written_without_the_key_is_never_chained_and_verification_reports_it()
    {
        await RecordAsync(1);
        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            db.PendingAuditEvents.Add(new PendingAuditEvent
            {
                EntryId = Guid.CreateVersion7(), OccurredAtUtc = DateTime.UtcNow, ActorName = "admin@example.cn", Action = AuditActions.StaffCreated,
                Details = """{"Email":"intruder@example.cn"}""", Seal = new string('a', 64),
            });
            await db.SaveChangesAsync(Token);
        }
        await RecordAsync(2);

        var result = await VerifyAsync();
        Assert.Equal(2, result.EventsChecked);
        Assert.Equal([new ChainBreakAt(3, ChainBreak.Unsealed)], result.Breaks);
    }

    [Fact]
    public async Task A_sealed_event_altered_while_it_waits_or_copied_after_it_was_chained_is_never_chained()
    {
        await RecordAsync(1);
        var chained = await FirstEventAsync();
        var copy = new PendingAuditEvent
        {
            EntryId = chained.EntryId!.Value, OccurredAtUtc = chained.OccurredAtUtc, ActorName = chained.ActorName, Action = chained.Action,
            Details = chained.Details, Seal = _app.Services.GetRequiredService<AuditHash>().Seal(new PendingAuditEvent
            {
                EntryId = chained.EntryId!.Value, OccurredAtUtc = chained.OccurredAtUtc, ActorName = chained.ActorName, Action = chained.Action, Details = chained.Details,
            }),
        };
        await using (var db = await Contexts.CreateDbContextAsync(Token))
        {
            db.PendingAuditEvents.Add(copy); // a replay of a genuinely sealed event
            await db.SaveChangesAsync(Token);
        }

        var result = await VerifyAsync();
        Assert.Equal(1, result.EventsChecked);
        Assert.Equal([new ChainBreakAt(2, ChainBreak.Unsealed)], result.Breaks);
        await using var check = await Contexts.CreateDbContextAsync(Token);
        Assert.Equal(1, await check.AuditEvents.CountAsync(e => e.EntryId == chained.EntryId, Token));
    }

    private async Task<AuditEvent> FirstEventAsync()
    {
        await using var db = await _app.Services.ReadContextAsync();
        return await db.AuditEvents.AsNoTracking().OrderBy(e => e.Sequence).FirstAsync(Token);
    }

    public async ValueTask DisposeAsync() => await _app.DisposeAsync();
}
