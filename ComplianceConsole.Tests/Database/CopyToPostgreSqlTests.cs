using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Database;

/// <summary>copy-to-postgres: a SQLite app's data moved to a new PostgreSQL database, where the app carries on with it.</summary>
public sealed class CopyToPostgreSqlTests
{
    private sealed record RecordRow(long Id, string ExternalId, string IdentifierHash, DateTime SubmittedAtUtc, VerificationStatus Status, string IdentifierCipherHex);

    [Fact]
    public async Task A_SQLite_database_copied_to_PostgreSQL_keeps_its_rows_staff_and_an_audit_chain_that_verifies_and_grows()
    {
        Assert.SkipUnless(TestDatabase.IsPostgreSql, "Runs with the tests on PostgreSQL, which have a server to copy into.");
        var source = new TestApp(new Dictionary<string, string> { [DatabaseSettings.ProviderKey] = nameof(DatabaseProvider.Sqlite), ["ConnectionStrings:Default"] = "" })
            { KeepDataFolder = true };
        await source.CompleteSetupAsync();
        await source.CreateStaffAsync("verifier@example.cn", Roles.Verifier);
        await source.SubmitDirectlyAsync(new VerificationSubmission("copy-1", null, null, VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜", null));
        await source.SubmitDirectlyAsync(new VerificationSubmission("copy-2", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", null));
        (await source.SignInAsync("verifier@example.cn")).Dispose();
        await source.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(300, seed: 5);
        var (sourceRecords, sourceEvents) = await ReadAsync(source);
        var sourceBacklog = await BacklogAsync(source);
        string words;
        await using (var db = await source.Services.ReadContextAsync())
            words = (await db.ContentItems.Where(i => i.Excerpt != null).OrderBy(i => i.Id).Select(i => i.Excerpt!).FirstAsync())[..6];
        var sourceFound = await CasesFoundAsync(source, words);
        var sqlite = source.Services.GetRequiredService<DatabaseSettings>().ConnectionString;
        source.Dispose();

        var targetName = "cc_copy_" + Guid.NewGuid().ToString("N")[..12];
        var target = PostgreSqlTestServer.Current.Database(targetName);
        try
        {
            var copied = await SqliteToPostgreSqlCopy.CopyAsync(sqlite, target, _ => { });
            Assert.True(copied.Copied, copied.RefusedBecause);
            Assert.Contains(copied.Tables, t => t is ("AuditEvents", > 0));
            Assert.False((await SqliteToPostgreSqlCopy.CopyAsync(sqlite, target, _ => { })).Copied); // a database in use is never overwritten

            using var app = new TestApp(new Dictionary<string, string> { ["ConnectionStrings:Default"] = target }, source.DataFolderPath);
            var (records, events) = await ReadAsync(app);
            Assert.Equal(sourceRecords, records);
            Assert.Equal(["11010519491231002X", "13812341234"], records.Select(r => app.Services.GetRequiredService<PiiProtector>().Decrypt(Convert.FromHexString(r.IdentifierCipherHex))));
            Assert.Equal(sourceEvents, events.Take(sourceEvents.Count));
            // The queue's counts are not copied but counted again as the cases go in: once, as the source kept them.
            Assert.Contains(sourceBacklog.BySource, c => c is (ReviewCaseState.Open, 0, > 0));
            var copiedBacklog = await BacklogAsync(app);
            Assert.Equal(sourceBacklog.BySource, copiedBacklog.BySource);
            Assert.Equal(sourceBacklog.ByDueDay, copiedBacklog.ByDueDay);
            // The search index is written anew on the server, with the server's own tsvector: the same words find the same cases.
            Assert.InRange(sourceFound, 1, 300);
            Assert.Equal(sourceFound, await CasesFoundAsync(app, words));
            var chain = await VerifyChainAsync(app);
            Assert.True(chain.Intact, $"{chain.BreakCount} breaks, the first at {chain.BrokenAtSequence} ({chain.Break})");
            Assert.True(chain.EventsChecked >= sourceEvents.Count);

            // The copied password signs in, its audit event continues the chain, and a new record takes the next id.
            (await app.SignInAsync("verifier@example.cn")).Dispose();
            Assert.Equal(SubmissionOutcome.Created, await app.SubmitDirectlyAsync(
                new VerificationSubmission("copy-3", null, null, VerificationMethod.MobileNumber, "13912341234", "李四", null)));
            var (after, _) = await ReadAsync(app);
            Assert.Equal(sourceRecords.Max(r => r.Id) + 1, after.Single(r => r.ExternalId == "copy-3").Id);
            Assert.True((await VerifyChainAsync(app)).Intact);
        }
        finally
        {
            PostgreSqlTestServer.Current.DropDatabase(targetName);
        }
    }

    private static async Task<(List<(ReviewCaseState, int, long)> BySource, List<(long, long)> ByDueDay)> BacklogAsync(TestApp app)
    {
        await using var db = await app.Services.ReadContextAsync();
        return await Dashboard.DayCountBackFill.BacklogAsync(db);
    }

    private static async Task<long> CasesFoundAsync(TestApp app, string words)
    {
        await using var db = await app.Services.ReadContextAsync();
        return await ContentSearchIndex.CaseCount(db, ContentSearchIndex.Query(!db.Database.IsSqlite(), words)!, 10_000).SingleAsync();
    }

    private static async Task<ChainVerification> VerifyChainAsync(TestApp app)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<AuditChainVerifier>().VerifyAsync();
    }

    private static async Task<(List<RecordRow> Records, List<(long Sequence, string Action, string Hash)> Events)> ReadAsync(TestApp app)
    {
        await using var db = await app.Services.ReadContextAsync();
        var records = (await db.VerificationRecords.OrderBy(r => r.Id)
                .Select(r => new { r.Id, r.PlatformUser.ExternalId, r.IdentifierHash, r.SubmittedAtUtc, r.Status, r.IdentifierCipher }).ToListAsync())
            .Select(r => new RecordRow(r.Id, r.ExternalId, r.IdentifierHash, r.SubmittedAtUtc, r.Status, Convert.ToHexString(r.IdentifierCipher))).ToList();
        var events = (await db.AuditEvents.OrderBy(e => e.Sequence).Select(e => new { e.Sequence, e.Action, e.Hash }).ToListAsync())
            .Select(e => (e.Sequence, e.Action, e.Hash)).ToList();
        return (records, events);
    }
}
