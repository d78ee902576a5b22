using ComplianceConsole.Tests.Review.Ingestion;

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
        await App.HoldJobsAsync();
    }
}

/// <summary>The content app as deployed: media on this machine refused.</summary>
public sealed class GuardedFileReadingApp : ContentApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        await App.HoldJobsAsync();
    }
}
