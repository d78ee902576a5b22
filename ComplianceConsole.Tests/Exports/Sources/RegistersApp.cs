using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

/// <summary>A flag as a register test arranges it: source, receipt and due time (China Standard Time), and a complainant's contact.</summary>
public sealed record RegisterFlag(FlagSource Source, DateTime ReceivedCst, DateTime DueCst, string? Contact = null);

/// <summary>
/// The app on a clock the test sets, a reviewer and a Manager. Cases are written the way ingestion leaves them (item, case, flags);
/// decisions go through the review service as a reviewer who claimed the case, at a China Standard Time the test names.
/// </summary>
public class RegistersApp : IAsyncLifetime
{
    public const string Reviewer = "registers.reviewer@example.cn";
    public const string Manager = "registers.manager@example.cn";

    public MovableClock Clock { get; } = new();
    public TestApp App { get; }
    private int _items;

    public RegistersApp() => App = new ClockedTestApp(Clock);

    public virtual async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await App.CreateStaffAsync(Manager, Roles.Manager);
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }

    public static DateTime Utc(int month, int day, int hour = 0, int minute = 0, int second = 0, int year = 2026) =>
        ChinaTime.ToUtc(new DateTime(year, month, day, hour, minute, second));

    public void SetCst(DateTime cst) => Clock.Advance(ChinaTime.ToUtc(cst) - Clock.GetUtcNow().UtcDateTime);

    public Task<AppDbContext> ContextAsync() => App.Services.ReadContextAsync();

    public async Task<long> AddCaseAsync(string contentId, string author, SynthesisCategory category, params RegisterFlag[] flags)
    {
        var pii = App.Services.GetRequiredService<PiiProtector>();
        await using var db = await ContextAsync();
        var received = ChinaTime.ToUtc(flags.Min(f => f.ReceivedCst));
        var user = await db.PlatformUsers().SingleOrDefaultAsync(u => u.ExternalId == author)
            ?? db.PlatformUsers().Add(new PlatformUser { ExternalId = author, DisplayName = author, Kind = PlatformUserKind.Individual, CreatedAtUtc = received }).Entity;
        var item = new ContentItem
        {
            ExternalId = contentId, Author = user, MediaType = MediaType.Video, Category = category, Excerpt = "某明星宣布退出娱乐圈（AI 合成视频）",
            ExplicitLabel = LabelStatus.Missing, ImplicitLabel = LabelStatus.Present, ReceivedAtUtc = received, UpdatedAtUtc = received,
        };
        var due = ChinaTime.ToUtc(flags.Min(f => f.DueCst));
        var priority = ReviewSources.Priority(flags.Select(f => f.Source));
        var reviewCase = new ReviewCase
        {
            ContentItem = item, State = ReviewCaseState.Open, OpenedAtUtc = received, DueAtUtc = due, Priority = priority,
            QueueOrder = ReviewQueueOrder.For(due, priority), FlagCount = flags.Length,
            SourceMask = flags.Aggregate(0, (mask, f) => mask | ReviewSources.Bit(f.Source)), MediaType = item.MediaType, Category = category,
            LabelStatus = LabelStatus.Missing,
        };
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync();
        reviewCase.AuthorId = user.Id;
        foreach (var flag in flags)
        {
            db.Flags.Add(new Flag
            {
                ReviewCaseId = reviewCase.Id, ContentItemId = item.Id, Source = flag.Source, ReasonCode = flag.Source == FlagSource.UserComplaint ? null : "rumour",
                ReasonText = flag.Source == FlagSource.UserComplaint ? "这是谣言，请处理" : null, ExternalId = $"{contentId}-{flag.Source}-{Interlocked.Increment(ref _items)}",
                ComplainantContactCipher = flag.Contact is { } contact ? pii.Encrypt(contact) : null, RaisedBy = "api:test-platform",
                ReceivedAtUtc = ChinaTime.ToUtc(flag.ReceivedCst), DueAtUtc = ChinaTime.ToUtc(flag.DueCst),
            });
            ReviewDayCounts.Received(db.DayCountChanges, flag.Source, ChinaTime.ToUtc(flag.ReceivedCst)); // as ingestion counts it
        }
        await db.SaveChangesAsync();
        return reviewCase.Id;
    }

    /// <summary>The case's flag ids of one source, in order of receipt.</summary>
    public async Task<List<long>> FlagIdsAsync(long caseId, FlagSource source)
    {
        await using var db = await ContextAsync();
        return await db.Flags.Where(f => f.ReviewCaseId == caseId && f.Source == source).OrderBy(f => f.Id).Select(f => f.Id).ToListAsync();
    }

    /// <summary>Claims and decides the case as <paramref name="staff"/> at the China Standard Time <paramref name="atCst"/>.</summary>
    public async Task DecideAsync(long caseId, DateTime atCst, ReviewDecisionRequest request, string staff = Reviewer)
    {
        SetCst(atCst);
        await using var scope = App.As(staff);
        Assert.Equal(ClaimOutcome.Claimed, (await scope.Get<ReviewClaims>().ClaimAsync(caseId)).Outcome);
        var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId);
        var saved = await scope.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, request);
        Assert.True(saved.Succeeded, $"{saved.Outcome} {saved.RefusalKey} {string.Join("; ", saved.Errors)}");
    }
}
