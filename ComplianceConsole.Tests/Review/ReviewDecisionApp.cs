using ComplianceConsole.Data;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review;

/// <summary>A flag as a test case arranges it: its source, how long ago it came in, when it is due, and a complainant's contact.</summary>
public sealed record TestFlag(FlagSource Source, TimeSpan Age, TimeSpan DueIn, string? Contact = null);

/// <summary>
/// The app with two reviewers, a manager, an auditor and a platform key. Cases are written straight into the database
/// (the ingestion API is built elsewhere), the way ingestion leaves them: item, case, flags and a Flagged step each.
/// </summary>
public sealed class ReviewDecisionApp : IAsyncLifetime
{
    public const string Reviewer = "reviewer@example.cn";
    public const string SecondReviewer = "reviewer2@example.cn";
    public const string Manager = "manager@example.cn";
    public const string Auditor = "auditor@example.cn";

    public TestApp App { get; } = new();
    public string PlatformKey { get; private set; } = "";

    public async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await App.CreateStaffAsync(SecondReviewer, Roles.Reviewer);
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        await using var admin = App.As(TestApp.AdminEmail);
        PlatformKey = (await admin.Get<ApiKeyService>().CreateAsync("platform", RolePermissions.ApiScopes.ToList())).Value!;
    }

    public ValueTask DisposeAsync()
    {
        App.Dispose();
        return ValueTask.CompletedTask;
    }

    public HttpClient Platform()
    {
        var client = App.CreateBrowserlikeClient();
        client.DefaultRequestHeaders.Add(ApiKeyAuthenticationHandler.HeaderName, PlatformKey);
        return client;
    }

    public Task<AppDbContext> DbAsync() => App.Services.ReadContextAsync();

    public Task<long> CreateCaseAsync(string contentId, string author, params TestFlag[] flags) =>
        CreateCaseAsync(App.Services, contentId, author, MediaType.Text, null, flags);

    public static async Task<long> CreateCaseAsync(IServiceProvider services, string contentId, string author, MediaType mediaType, string? mediaUrl, params TestFlag[] flags)
    {
        var pii = services.GetRequiredService<PiiProtector>();
        await using var db = await services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var now = DateTime.UtcNow;
        var user = await db.PlatformUsers().SingleOrDefaultAsync(u => u.ExternalId == author)
            ?? db.PlatformUsers().Add(new PlatformUser { ExternalId = author, DisplayName = author, Kind = PlatformUserKind.Individual, CreatedAtUtc = now }).Entity;
        var item = new ContentItem
        {
            ExternalId = contentId, Author = user, MediaType = mediaType, Category = SynthesisCategory.FaceManipulation,
            Excerpt = "某明星宣布退出娱乐圈（AI 合成视频）", MediaUrl = mediaUrl ?? "https://cdn.example.cn/media/" + contentId,
            DeclaredAiGenerated = false, ExplicitLabel = LabelStatus.Missing, ImplicitLabel = LabelStatus.Present, AigcLabel = AigcLabel.AiGenerated,
            ContentProducer = "001191101080000000000000000000A001", ProduceId = "p-" + contentId,
            ReceivedAtUtc = now, UpdatedAtUtc = now,
        };
        var flagsFirst = flags.Length == 0 ? [new TestFlag(FlagSource.FeatureLibrary, TimeSpan.FromHours(1), TimeSpan.FromHours(23))] : flags;
        var due = flagsFirst.Min(f => now + f.DueIn);
        var priority = ReviewSources.Priority(flagsFirst.Select(f => f.Source));
        var reviewCase = new ReviewCase
        {
            ContentItem = item, AuthorId = 0, State = ReviewCaseState.Open, OpenedAtUtc = now, DueAtUtc = due, Priority = priority,
            QueueOrder = ReviewQueueOrder.For(due, priority), FlagCount = flagsFirst.Length,
            SourceMask = flagsFirst.Aggregate(0, (mask, f) => mask | ReviewSources.Bit(f.Source)),
            MediaType = item.MediaType, Category = item.Category, LabelStatus = LabelStatus.Missing,
        };
        db.ReviewCases.Add(reviewCase);
        await db.SaveChangesAsync();
        reviewCase.AuthorId = user.Id;
        foreach (var flag in flagsFirst)
        {
            db.Flags.Add(new Flag
            {
                ReviewCaseId = reviewCase.Id, ContentItemId = item.Id, Source = flag.Source, ReasonCode = "rumour",
                ReasonText = flag.Source == FlagSource.UserComplaint ? "这是谣言，请处理" : null, MatchedText = flag.Source == FlagSource.FeatureLibrary ? "退出娱乐圈" : null,
                ComplainantContactCipher = flag.Contact is { } contact ? pii.Encrypt(contact) : null,
                RaisedBy = "api:test-platform", ReceivedAtUtc = now - flag.Age, DueAtUtc = now + flag.DueIn,
            });
            ReviewDayCounts.Received(db.DayCountChanges, flag.Source, now - flag.Age); // as ingestion counts it
            db.ReviewCaseEvents.Add(new ReviewCaseEvent { ReviewCaseId = reviewCase.Id, Kind = ReviewCaseEventKind.Flagged, AtUtc = now - flag.Age, ActorName = "api:test-platform", Detail = flag.Source.ToString() });
        }
        await db.SaveChangesAsync();
        return reviewCase.Id;
    }

    public async Task<ClaimResult> ClaimAsync(string staff, long caseId)
    {
        await using var scope = App.As(staff);
        return await scope.Get<ReviewClaims>().ClaimAsync(caseId);
    }

    public async Task<ReviewCaseDetail> DetailAsync(long caseId, string staff = Manager)
    {
        await using var scope = App.As(staff);
        return (await scope.Get<ReviewCaseQueryService>().GetAsync(caseId))!;
    }

    /// <summary>Decides as <paramref name="staff"/> at the case's current version.</summary>
    public async Task<Common.Result> DecideAsync(string staff, long caseId, ReviewDecisionRequest request)
    {
        await using var scope = App.As(staff);
        var version = await scope.Get<ReviewCaseQueryService>().VersionAsync(caseId);
        return await scope.Get<ReviewDecisionService>().DecideAsync(caseId, version!.Value, request);
    }
}
