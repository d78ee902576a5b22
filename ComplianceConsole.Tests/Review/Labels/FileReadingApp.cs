using ComplianceConsole.Security;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Tests.Review.Ingestion;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Review.Labels;

/// <summary>The content app with small upload limits and media on this machine allowed, its job host held so the tests run the read job themselves.</summary>
public sealed class FileReadingApp() : ContentApp(new Dictionary<string, string>
{
    ["ComplianceConsole:Media:AllowPrivateAddresses"] = "true",
    ["ComplianceConsole:Media:MaxUploadBytes"] = MaxUploadBytes.ToString(),
    ["ComplianceConsole:Media:MaxReadAttempts"] = "2",
})
{
    public const int MaxUploadBytes = 64 * 1024;

    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await FileReadingApps.PrepareAsync(this);
    }
}

/// <summary>Media on this machine allowed, and the files the read job fetches kept.</summary>
public sealed class KeepingFileReadingApp() : ContentApp(new Dictionary<string, string>
{
    ["ComplianceConsole:Media:AllowPrivateAddresses"] = "true",
    ["ComplianceConsole:Media:KeepReadFiles"] = "true",
})
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await FileReadingApps.PrepareAsync(this);
    }
}

/// <summary>The content app as deployed: media on this machine refused.</summary>
public sealed class GuardedFileReadingApp : ContentApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await FileReadingApps.PrepareAsync(this);
    }
}

internal static class FileReadingApps
{
    public const string Reviewer = "reviewer@example.cn";

    public static async Task PrepareAsync(ContentApp app)
    {
        await app.App.CreateStaffAsync(Reviewer, Roles.Reviewer);
        await app.App.HoldJobsAsync();
    }

    /// <summary>The case page's view of the file's label, as a reviewer reads it.</summary>
    public static async Task<CaseFileLabel> FileLabelAsync(ContentApp app, long itemId)
    {
        long caseId;
        await using (var db = await app.DbAsync())
        {
            caseId = await db.ReviewCases.Where(c => c.ContentItemId == itemId).Select(c => c.Id).SingleAsync(TestContext.Current.CancellationToken);
        }
        await using var reviewer = app.App.As(Reviewer);
        return await reviewer.Get<ContentFileReadingQuery>().GetAsync(caseId, TestContext.Current.CancellationToken);
    }
}
