using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Verification;

public sealed class VerificationWorkTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    [Fact]
    public async Task Two_verifiers_deciding_the_same_record_the_second_gets_a_conflict()
    {
        var id = await app.SubmitAsync("race-user", VerificationMethod.ResidentIdCard, "31011519851201123X", "陈静");
        var version = (int)(await app.DetailAsync(id)).Record.Version;

        await using var first = app.App.As(VerificationApp.Verifier);
        await using var second = app.App.As(VerificationApp.SecondVerifier);
        Assert.True((await first.Get<VerificationDecisionService>().DecideAsync(id, version, new(VerificationAction.Verify, null, null))).Succeeded);
        var late = await second.Get<VerificationDecisionService>().DecideAsync(id, version, new(VerificationAction.Reject, "identity_mismatch", null));

        Assert.Equal(ResultOutcome.Conflict, late.Outcome);
        var detail = await app.DetailAsync(id);
        Assert.Equal(VerificationStatus.Verified, detail.Record.Status);
        Assert.Equal(TestApp.ShownName(VerificationApp.Verifier), detail.Record.DecidedBy); // colleagues read the display name
        Assert.Equal([VerificationStatus.Pending, VerificationStatus.Verified], detail.History.Select(h => h.ToStatus));
    }

    [Fact]
    public async Task A_note_longer_than_1000_characters_is_refused_with_a_message_and_changes_nothing()
    {
        var id = await app.SubmitAsync("long-note-user", VerificationMethod.MobileNumber, "13700000077", "钱七");
        var tooLong = await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Reject, "other", new string('长', VerificationRules.MaxNoteLength + 1));
        Assert.Equal(ResultOutcome.Invalid, tooLong.Outcome);
        Assert.Equal("Verification.NoteTooLong", tooLong.Errors.Single().MessageKey);
        Assert.Equal(VerificationStatus.Pending, (await app.DetailAsync(id)).Record.Status);

        Assert.True((await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Reject, "other", new string('长', VerificationRules.MaxNoteLength))).Succeeded);
    }

    [Fact]
    public async Task A_decision_is_audited_with_enum_names_and_its_note_as_written()
    {
        var id = await app.SubmitAsync("audit-words-user", VerificationMethod.MobileNumber, "13700000078", "孙八");
        Assert.True((await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Reject, "other", "照片模糊 😀")).Succeeded);

        await using var db = await app.App.Services.ReadContextAsync();
        var decided = await db.AuditEvents.SingleAsync(e => e.Action == AuditActions.VerificationDecided && e.TargetId == id.ToString());
        Assert.Contains("\"Action\":\"Reject\"", decided.Details);
        Assert.Contains("\"to\":\"Rejected\"", decided.Details);
        Assert.Contains("照片模糊", decided.Details);
    }

    [Fact]
    public async Task An_action_the_status_does_not_allow_is_refused()
    {
        var id = await app.SubmitAsync("refuse-user", VerificationMethod.MobileNumber, "13700000001", "赵六");
        Assert.True((await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Reject, "invalid_document")).Succeeded);
        var again = await app.DecideAsync(VerificationApp.Verifier, id, VerificationAction.Verify);
        Assert.Equal("Verification.NotAllowedFromStatus", again.RefusalKey);
    }

    [Fact]
    public async Task An_identity_verified_for_one_user_is_flagged_on_another_users_record()
    {
        var first = await app.SubmitAsync("dup-user-a", VerificationMethod.ResidentIdCard, "510108200002291239", "孙悦");
        var second = await app.SubmitAsync("dup-user-b", VerificationMethod.ResidentIdCard, "５１０１０８２０００ ０２２９ １２３９", "孙悦");
        Assert.False((await app.DetailAsync(second)).Record.IsDuplicate);

        await app.DecideAsync(VerificationApp.Verifier, first, VerificationAction.Verify);
        var flagged = await app.DetailAsync(second);
        Assert.True(flagged.Record.IsDuplicate);
        Assert.Contains(flagged.SameIdentity, r => r.Id == first);

        await using var scope = app.App.As(VerificationApp.Verifier);
        var duplicates = await scope.Get<VerificationQueryService>().GetPageAsync(
            new VerificationPageRequest(new VerificationFilter { DuplicatesOnly = true }, VerificationSort.SubmittedNewest, 50));
        Assert.Contains(duplicates.Items, r => r.Id == second);
        Assert.DoesNotContain(duplicates.Items, r => r.Id == first);
    }

    [Fact]
    public async Task A_new_submission_of_an_identity_verified_for_another_user_is_flagged_as_it_arrives()
    {
        var verified = await app.SubmitAsync("arrive-user-a", VerificationMethod.MobileNumber, "13911112222", "周洋");
        await app.DecideAsync(VerificationApp.Verifier, verified, VerificationAction.Verify);

        var sameUserAgain = await app.SubmitAsync("arrive-user-a", VerificationMethod.MobileNumber, "13911112222", "周洋", DateTimeOffset.UtcNow.AddMinutes(-1));
        var otherUser = await app.SubmitAsync("arrive-user-b", VerificationMethod.MobileNumber, "139 1111 2222", "周洋");

        Assert.True((await app.DetailAsync(otherUser)).Record.IsDuplicate);
        Assert.False((await app.DetailAsync(sameUserAgain)).Record.IsDuplicate);
        Assert.False((await app.DetailAsync(verified)).Record.IsDuplicate);
    }

    [Fact]
    public async Task A_batch_stores_each_user_once_names_them_anew_and_makes_one_record_of_an_item_sent_twice()
    {
        await using var scope = app.App.As(VerificationApp.Verifier);
        var submissions = scope.Get<VerificationSubmissionService>();
        var at = DateTime.UtcNow.AddHours(-1);
        VerificationSubmission Item(string identifier, string? displayName) =>
            new("batch-user", displayName, PlatformUserKind.Individual, VerificationMethod.MobileNumber, identifier, "钱多多", at);

        var results = await submissions.SaveBatchAsync([Item("13722220001", "旧名"), Item("13722220002", "新名"), Item("13722220001", null)],
            new AuditActor(null, "test"), AuditActions.VerificationImported, new { }, allOrNothing: false, TestContext.Current.CancellationToken);

        Assert.Equal([SubmissionOutcome.Created, SubmissionOutcome.Created, SubmissionOutcome.AlreadySubmitted], results.Select(r => r.Outcome));
        Assert.Equal(results[0].RecordId, results[2].RecordId);
        Assert.NotEqual(results[0].RecordId, results[1].RecordId);
        await using var db = await app.App.Services.ReadContextAsync();
        var user = await db.PlatformUsers().SingleAsync(u => u.ExternalId == "batch-user");
        Assert.Equal("新名", user.DisplayName);
        var records = await db.VerificationRecords.Include(r => r.History).Where(r => r.PlatformUserId == user.Id).ToListAsync();
        Assert.Equal(2, records.Count);
        Assert.All(records, r => Assert.Equal([VerificationStatus.Pending], r.History.Select(h => h.ToStatus)));
        Assert.Equal(at, records[0].SubmittedAtUtc, TimeSpan.FromMilliseconds(1));
        var detail = await app.DetailAsync(results[1].RecordId!.Value);
        Assert.Equal("137****0002", detail.Record.MaskedIdentifier);
        Assert.Equal("钱**", detail.Record.MaskedName);
    }

    [Fact]
    public async Task Exact_search_finds_an_identifier_however_it_is_typed_and_never_a_part_of_it()
    {
        var id = await app.SubmitAsync("search-user", VerificationMethod.ResidentIdCard, "440524188001010014", "林峰");
        await using var scope = app.App.As(VerificationApp.Auditor);
        var queries = scope.Get<VerificationQueryService>();
        async Task<IReadOnlyList<VerificationRow>> Find(string search) =>
            (await queries.GetPageAsync(new VerificationPageRequest(new VerificationFilter { Search = search }, VerificationSort.SubmittedNewest, 50))).Items;

        Assert.Equal([id], (await Find("４４０５２４ １８８００１０１００１４")).Select(r => r.Id));
        Assert.Equal([id], (await Find("search-user")).Select(r => r.Id));
        Assert.Empty(await Find("440524"));
        var row = (await Find("search-user")).Single();
        Assert.Equal("440524********0014", row.MaskedIdentifier);
        Assert.Equal("林*", row.MaskedName);
    }

    [Fact]
    public async Task Revealing_needs_a_reason_and_is_audited_and_an_auditor_cannot_reveal()
    {
        var id = await app.SubmitAsync("reveal-user", VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜");
        await using (var verifier = app.App.As(VerificationApp.Verifier))
        {
            var reveal = verifier.Get<PiiRevealService>();
            Assert.Equal("Reveal.ReasonRequired", (await reveal.RevealAsync(id, " ")).RefusalKey);
            var shown = await reveal.RevealAsync(id, "用户投诉核实身份");
            Assert.Equal(new RevealedIdentity("11010519491231002X", "欧阳娜娜"), shown.Value);
        }

        await using var db = await app.App.Services.ReadContextAsync();
        var revealed = await db.AuditEvents.Where(e => e.Action == AuditActions.PiiRevealed && e.TargetId == id.ToString()).SingleAsync();
        Assert.Equal(VerificationApp.Verifier, revealed.ActorName);
        Assert.Contains("用户投诉核实身份", revealed.Details);
        Assert.DoesNotContain("11010519491231002X", revealed.Details);

        await using var auditor = app.App.As(VerificationApp.Auditor);
        await Assert.ThrowsAsync<PermissionDeniedException>(() => auditor.Get<PiiRevealService>().RevealAsync(id, "我想看看"));
    }

    [Fact]
    public async Task Bulk_expiry_changes_only_the_records_it_applies_to_and_says_so()
    {
        var verified = await app.SubmitAsync("bulk-a", VerificationMethod.MobileNumber, "13600000001", "甲", DateTimeOffset.Parse("2020-01-01T00:00:00Z"));
        var pending = await app.SubmitAsync("bulk-b", VerificationMethod.MobileNumber, "13600000002", "乙", DateTimeOffset.Parse("2020-01-02T00:00:00Z"));
        await app.DecideAsync(VerificationApp.Verifier, verified, VerificationAction.Verify);

        await using var scope = app.App.As(VerificationApp.Verifier);
        var decisions = scope.Get<VerificationDecisionService>();
        var filter = new VerificationFilter { SubmittedToUtc = new DateTime(2020, 12, 31, 0, 0, 0, DateTimeKind.Utc) };
        Assert.Equal(2, await decisions.CountAsync(filter));
        var queued = await decisions.QueueBulkAsync(new BulkDecisionInput(null, filter, new DecisionRequest(VerificationAction.Expire, null, "年度复核")), 2);
        Assert.Null(queued.RefusalKey);

        var job = await app.App.WaitForJobAsync(VerificationApp.Verifier, queued.Value);
        Assert.Equal(ComplianceConsole.Features.Jobs.JobStatus.Succeeded, job.Status);
        Assert.Equal("Bulk.Result", job.Result!.Summary.Key);
        Assert.Equal(["1", "1", "0"], job.Result.Summary.Arguments); // changed, not applicable, conflicts
        Assert.Equal(VerificationStatus.Expired, (await app.DetailAsync(verified)).Record.Status);
        Assert.Equal(VerificationStatus.Pending, (await app.DetailAsync(pending)).Record.Status);
    }

    [Fact]
    public async Task No_identifier_or_real_name_is_stored_in_plain_text()
    {
        await app.SubmitAsync("plain-user", VerificationMethod.ResidentIdCard, "110101199003071233", "诸葛明亮");
        SqliteConnection.ClearAllPools();
        var bytes = Infrastructure.TestDatabase.IsPostgreSql ? await EveryRowAsTextAsync()
            : Directory.GetFiles(app.App.DataFolderPath, "*.db*").SelectMany(File.ReadAllBytes).ToArray();
        Assert.True(bytes.Length > 0);
        Assert.Equal(-1, bytes.AsSpan().IndexOf("110101199003071233"u8));
        Assert.Equal(-1, bytes.AsSpan().IndexOf(System.Text.Encoding.UTF8.GetBytes("诸葛明亮")));
    }

    /// <summary>Every row of every table of the app's PostgreSQL database, as text (its files are the server's, not ours to read).</summary>
    private async Task<byte[]> EveryRowAsTextAsync()
    {
        await using var db = await app.App.Services.ReadContextAsync();
        var tables = await db.Database.SqlQueryRaw<string>("SELECT tablename AS \"Value\" FROM pg_tables WHERE schemaname = 'public'").ToListAsync();
        var rows = new System.Text.StringBuilder();
        foreach (var table in tables)
        {
#pragma warning disable EF1002 // table names come from the catalogue
            rows.Append(await db.Database.SqlQueryRaw<string>($"SELECT coalesce(string_agg(t::text, ''), '') AS \"Value\" FROM \"{table}\" t").SingleAsync());
#pragma warning restore EF1002
        }
        return System.Text.Encoding.UTF8.GetBytes(rows.ToString());
    }
}
