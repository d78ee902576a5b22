using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.TestHost;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review;

/// <summary>
/// A clock the test moves by hand, so a claim's lease can run out without waiting ten minutes. It starts half a second past a
/// whole second (on a whole microsecond, as the app's own clock ticks: what PostgreSQL keeps) and never stands in the last
/// <see cref="QuartzReach"/> before a whole second, where every recurring job's runs fall: Quartz's scheduler, holding a run due
/// that close, will not let it go for a job queued meanwhile (not worth it, it reckons, so near) and, the clock standing
/// still, waits for it for ever; the queued job never starts. A move that would end there ends <see cref="QuartzReach"/> early.
/// </summary>
public sealed class MovableClock : TimeProvider
{
    /// <summary>More than the 70 ms within which Quartz keeps the run it holds rather than look again.</summary>
    public static readonly TimeSpan QuartzReach = TimeSpan.FromMilliseconds(100);

    private DateTimeOffset _now = OutOfQuartzReach(new DateTimeOffset(DateTimeOffset.UtcNow.Ticks / TimeSpan.TicksPerSecond * TimeSpan.TicksPerSecond, TimeSpan.Zero)
        + TimeSpan.FromMilliseconds(500));

    public override DateTimeOffset GetUtcNow() => _now;

    public void Advance(TimeSpan by) => _now = OutOfQuartzReach(_now + by);

    private static DateTimeOffset OutOfQuartzReach(DateTimeOffset time)
    {
        var toWholeSecond = TimeSpan.FromTicks((TimeSpan.TicksPerSecond - time.Ticks % TimeSpan.TicksPerSecond) % TimeSpan.TicksPerSecond);
        var at = toWholeSecond > TimeSpan.Zero && toWholeSecond < QuartzReach ? time + toWholeSecond - QuartzReach : time;
        return new DateTimeOffset(at.Ticks / TimeSpan.TicksPerMicrosecond * TimeSpan.TicksPerMicrosecond, TimeSpan.Zero);
    }
}

/// <summary>The real app on its movable clock (and any settings).</summary>
public sealed class ClockedTestApp(MovableClock clock, IReadOnlyDictionary<string, string>? settings = null) : TestApp(settings)
{
    protected override void ConfigureWebHost(IWebHostBuilder builder)
    {
        base.ConfigureWebHost(builder);
        builder.ConfigureTestServices(services => services.AddSingleton<TimeProvider>(clock));
    }
}

/// <summary>What a test case looks like in the queue; everything the views select on can be set.</summary>
public sealed record CaseSpec(DateTime DueAtUtc, FlagSource[] Sources, SynthesisCategory Category = SynthesisCategory.Other,
    LabelStatus Label = LabelStatus.Present, ReviewCaseState State = ReviewCaseState.Open, string? AssignedToId = null, string? AssignedToName = null,
    string? ClaimedById = null, string? ClaimedByName = null, DateTime? ClaimExpiresAtUtc = null);

/// <summary>The app with reviewers, a manager, an auditor, a platform user who authors the content, and a way to put cases in the queue.</summary>
public class ReviewApp : IAsyncLifetime
{
    public const string Manager = "review.manager@example.cn";
    public const string Auditor = "review.auditor@example.cn";

    public MovableClock Clock { get; } = new();
    public TestApp App { get; }
    public IReadOnlyList<(string Email, string Id)> Reviewers { get; private set; } = [];
    public string ManagerId { get; private set; } = "";
    private long _authorId;
    private int _items;

    public ReviewApp() => App = new ClockedTestApp(Clock);

    protected ReviewApp(IReadOnlyDictionary<string, string> settings) => App = new ClockedTestApp(Clock, settings);

    /// <summary>How many reviewer accounts to create.</summary>
    protected virtual int ReviewerCount => 4;

    public static string ReviewerEmail(int i) => $"reviewer{i}@example.cn";

    public virtual async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        var reviewers = new List<(string, string)>();
        for (var i = 0; i < ReviewerCount; i++) reviewers.Add((ReviewerEmail(i), await App.CreateStaffAsync(ReviewerEmail(i), Roles.Reviewer)));
        Reviewers = reviewers;
        ManagerId = await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        await using var db = await ContextAsync();
        var author = new PlatformUser { ExternalId = "author-1", DisplayName = "作者", Kind = PlatformUserKind.Individual, CreatedAtUtc = DateTime.UtcNow };
        db.PlatformUsers().Add(author);
        await db.SaveChangesAsync();
        _authorId = author.Id;
    }

    public Task<AppDbContext> ContextAsync() => App.Services.ReadContextAsync();

    public DateTime Now => Clock.GetUtcNow().UtcDateTime;

    /// <summary>Takes every case out of the queue, so a test arranges the queue it reads.</summary>
    public async Task EmptyQueueAsync()
    {
        await using var db = await ContextAsync();
        await db.ReviewCases.ExecuteUpdateAsync(s => s.SetProperty(c => c.State, ReviewCaseState.Decided).SetProperty(c => c.ClaimedById, (string?)null)
            .SetProperty(c => c.ClaimedByName, (string?)null).SetProperty(c => c.ClaimExpiresAtUtc, (DateTime?)null));
    }

    /// <summary>A content item with a case in the queue, its queue fields computed by the app's own rules.</summary>
    public async Task<long> AddCaseAsync(CaseSpec spec)
    {
        await using var db = await ContextAsync();
        var number = Interlocked.Increment(ref _items);
        var item = new ContentItem
        {
            ExternalId = $"item-{number}", AuthorId = _authorId, MediaType = MediaType.Video, Category = spec.Category,
            Excerpt = $"第 {number} 条：某知名演员的换脸视频" + new string('。', 150), ExplicitLabel = spec.Label, ImplicitLabel = LabelStatus.Present,
            ReceivedAtUtc = Now, UpdatedAtUtc = Now,
        };
        var priority = ReviewSources.Priority(spec.Sources);
        var reviewCase = new ReviewCase
        {
            ContentItem = item, AuthorId = _authorId, State = spec.State, OpenedAtUtc = Now, DueAtUtc = spec.DueAtUtc, Priority = priority,
            QueueOrder = ReviewQueueOrder.For(spec.DueAtUtc, priority), FlagCount = spec.Sources.Length,
            SourceMask = spec.Sources.Aggregate(0, (mask, s) => mask | ReviewSources.Bit(s)), MediaType = item.MediaType, Category = spec.Category,
            LabelStatus = spec.Label, AssignedToId = spec.AssignedToId, AssignedToName = spec.AssignedToName,
            ClaimedById = spec.ClaimedById, ClaimedByName = spec.ClaimedByName, ClaimedAtUtc = spec.ClaimedById is null ? null : Now,
            ClaimExpiresAtUtc = spec.ClaimedById is null ? null : spec.ClaimExpiresAtUtc ?? Now.AddMinutes(10),
        };
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync();
        return reviewCase.Id;
    }

    public Task<long> AddCaseAsync(TimeSpan dueIn, params FlagSource[] sources) => AddCaseAsync(new CaseSpec(Now + dueIn, sources));

    public async Task<ReviewCase> CaseAsync(long id)
    {
        await using var db = await ContextAsync();
        return await db.ReviewCases.AsNoTracking().SingleAsync(c => c.Id == id);
    }

    public virtual async ValueTask DisposeAsync()
    {
        App.Dispose();
        await Task.CompletedTask;
    }
}
