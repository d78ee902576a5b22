using System.Net.Http.Json;
using System.Text;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Retention;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Features.Webhooks;
using ComplianceConsole.Tests.Registry;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Retention;

/// <summary>
/// A registry app with one of everything the purge looks after, made "now" on its clock: closed and open accounts, decided
/// and held cases with complainants' contacts, a withdrawn consent with its evidence file, an ended job with its folder and
/// webhook outbox events.
/// </summary>
internal static class RetentionScenario
{
    public const string ClosedUser = RegistryApp.PlatformUser;
    public const string HeldUser = "u-closed-held";
    public const string OpenUser = "u-open";

    public sealed record Made(long ExpiredCase, long HeldCase, long RecentCase, long ConsentId, string EvidencePath, long JobId, string JobFolder);

    public static async Task<Made> MakeAsync(RegistryApp registry)
    {
        foreach (var user in new[] { HeldUser, OpenUser })
        {
            await registry.App.SubmitDirectlyAsync(new VerificationSubmission(user, user, PlatformUserKind.Individual, VerificationMethod.MobileNumber,
                "1391234" + (user == HeldUser ? "5678" : "8765"), "李四", null));
        }
        var platform = registry.Platform();
        foreach (var user in new[] { ClosedUser, HeldUser })
        {
            (await platform.PostAsync($"api/v1/users/{user}/closure", null)).EnsureSuccessStatusCode();
        }

        var services = registry.App.Services;
        var complaint = new TestFlag(FlagSource.UserComplaint, TimeSpan.FromHours(1), TimeSpan.FromDays(10), "13900001111");
        var expired = await ReviewDecisionApp.CreateCaseAsync(services, "c-expired", "author-1", MediaType.Text, null, complaint);
        var held = await ReviewDecisionApp.CreateCaseAsync(services, "c-held", "author-1", MediaType.Text, null, complaint);
        var recent = await ReviewDecisionApp.CreateCaseAsync(services, "c-recent", "author-1", MediaType.Text, null, complaint);
        var now = registry.Clock.GetUtcNow().UtcDateTime;
        await using var db = await registry.DbAsync();
        await DecideAsync(db, expired, now);
        await DecideAsync(db, held, now);
        // Decided 300 days after the others: still within both rules when they expire.
        await DecideAsync(db, recent, now.AddDays(300));

        await platform.PostAsJsonAsync("api/v1/consents", new
        {
            externalId = "c-purge", externalUserId = OpenUser, depictedPersonRef = "p-purge", depictedPersonName = "王五", edits = "Face",
            scope = "换脸", validFrom = registry.Clock.GetUtcNow().AddMinutes(-1), method = "ElectronicSignature",
        });
        (await platform.PostAsync("api/v1/consents/c-purge/withdrawal", null)).EnsureSuccessStatusCode();
        var consentId = await db.BiometricConsents.Where(c => c.ExternalId == "c-purge").Select(c => c.Id).SingleAsync();
        await using (var manager = registry.App.As(RegistryApp.Manager))
        {
            var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\nconsent of Wang Wu\n%%EOF");
            Assert.Null((await manager.Get<EvidenceService>().UploadAsync(EvidenceOwner.Consent, consentId, new MemoryStream(pdf), "同意书.pdf", pdf.Length)).RefusalKey);
            // A year, so the withdrawn consent expires with the rest.
            Assert.True((await manager.Get<RetentionRuleService>().SaveAsync(new RetentionRuleForm { Kind = RetentionKind.Consents, Days = 365 })).Succeeded);
            Assert.True((await manager.Get<LegalHoldService>().PlaceAsync(new LegalHoldForm { Target = LegalHoldTarget.PlatformUser, Reference = HeldUser, Reason = "诉讼" })).Succeeded);
            Assert.True((await manager.Get<LegalHoldService>().PlaceAsync(new LegalHoldForm { Target = LegalHoldTarget.ReviewCase, Reference = held.ToString(), Reason = "监管检查" })).Succeeded);
        }
        var stored = await db.EvidenceFiles.Where(f => f.Owner == EvidenceOwner.Consent && f.OwnerId == consentId).Select(f => f.StoredName).SingleAsync();

        var job = new JobRecord { Kind = "verification-import", RequestedByName = "someone", Status = JobStatus.Succeeded, QueuedAtUtc = now, EndedAtUtc = now };
        db.JobRecords.Add(job);
        foreach (var minutes in new[] { 3, 2, 1 })
        {
            db.PlatformEventOutbox.Add(new PlatformEvent { EventId = Guid.NewGuid(), Type = "review.decided", OccurredAtUtc = now.AddMinutes(-minutes), OrderingKey = "c-expired" });
        }
        await db.SaveChangesAsync();
        var folder = services.GetRequiredService<JobStorage>().CreateFolderOf(job.Id);
        await File.WriteAllTextAsync(Path.Combine(folder, "errors.csv"), "row,column,reason");
        return new(expired, held, recent, consentId, Path.Combine(registry.App.DataFolderPath, EvidenceService.FolderName, stored), job.Id, folder);
    }

    private static Task DecideAsync(AppDbContext db, long caseId, DateTime at) =>
        db.ReviewCases.Where(c => c.Id == caseId).ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ReviewCaseState.Decided).SetProperty(c => c.DecidedAtUtc, at));
}
