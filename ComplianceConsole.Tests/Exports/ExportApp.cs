using ClosedXML.Excel;
using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Verify;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The real app with a manager, an auditor, provider details and a few verification records to export.</summary>
public class ExportApp : IAsyncLifetime
{
    public const string Manager = "export.manager@example.cn";
    public const string Auditor = "export.auditor@example.cn";
    public const string ProviderName = "深合成科技有限公司";
    public const string CreditCode = "91110108MA01234567";
    public const string FilingNumber = "网信算备110108000000000000001号";
    public const string LabelingCode = "001191330100799655058B1AB12";

    public static readonly (string User, VerificationMethod Method, string Identifier, string Name)[] People =
    [
        ("user-0001", VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜"),
        ("user-0002", VerificationMethod.MobileNumber, "13812341234", "张三"),
        ("user-0003", VerificationMethod.ResidentIdCard, "110101199003071233", "李四"),
    ];

    public ExportApp() => App = CreateApp();

    public TestApp App { get; }

    protected virtual TestApp CreateApp() => new();

    public virtual async ValueTask InitializeAsync()
    {
        await App.CompleteSetupAsync();
        await App.CreateStaffAsync(Manager, Roles.Manager);
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        foreach (var (index, person) in People.Index())
        {
            Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
                new VerificationSubmission(person.User, null, null, person.Method, person.Identifier, person.Name, DateTime.UtcNow.AddMinutes(index - 60))));
        }
        await using var db = await ContextAsync();
        var settings = await db.ProviderSettings.SingleAsync();
        settings.ProviderName = ProviderName;
        settings.UnifiedSocialCreditCode = CreditCode;
        settings.AlgorithmFilingNumbers = [FilingNumber];
        settings.LabelingCode = LabelingCode;
        await db.SaveChangesAsync();
    }

    public Task<AppDbContext> ContextAsync() => App.Services.ReadContextAsync();

    public static ExportForm Today(ExportKind kind, bool unmasked = false, string? reason = null) => new()
    {
        Kind = kind, FromDay = ComplianceConsole.Localization.ChinaTime.FromUtc(DateTime.UtcNow).Date.AddDays(-1), ToDay = ComplianceConsole.Localization.ChinaTime.FromUtc(DateTime.UtcNow).Date,
        Unmasked = unmasked, UnmaskReason = reason,
    };

    /// <summary>Queues an export as someone, waits for its job and returns it.</summary>
    public Task<(ExportQueued Queued, JobView Job)> ExportAsync(string email, ExportForm form) => ExportAsync(App, email, form);

    public static async Task<(ExportQueued Queued, JobView Job)> ExportAsync(TestApp app, string email, ExportForm form)
    {
        Result<ExportQueued> queued;
        await using (var scope = app.As(email)) queued = await scope.Get<ExportService>().QueueAsync(form);
        Assert.True(queued.Succeeded, $"{queued.Outcome} {queued.RefusalKey} {string.Join(", ", queued.Errors.Select(e => e.MessageKey))}");
        return (queued.Value!, await app.WaitForJobAsync(email, queued.Value!.JobId));
    }

    /// <summary>Downloads an export's workbook as someone; null when they may not.</summary>
    public Task<byte[]?> DownloadAsync(string email, long exportId) => DownloadAsync(App, email, exportId);

    public static async Task<byte[]?> DownloadAsync(TestApp app, string email, long exportId)
    {
        await using var scope = app.As(email);
        var download = await scope.Get<ExportHistoryService>().OpenAsync(exportId);
        if (download is null) return null;
        await using var workbook = download.Workbook;
        using var bytes = new MemoryStream();
        await workbook.CopyToAsync(bytes);
        return bytes.ToArray();
    }

    /// <summary>What the app's verifier says of a file; it answers whoever may reach it (a page's policy, an API key's scope), no signed-in person needed.</summary>
    public static async Task<ExportVerification> VerifyAsync(TestApp app, byte[] bytes)
    {
        await using var scope = app.Services.CreateAsyncScope();
        return await scope.ServiceProvider.GetRequiredService<ExportVerifier>().VerifyAsync(new MemoryStream(bytes));
    }

    public static string CoverValue(XLWorkbook workbook, string labelStart) =>
        workbook.Worksheet(1).RowsUsed().Single(r => r.Cell(1).GetString().StartsWith(labelStart, StringComparison.Ordinal)).Cell(2).GetString();

    public async ValueTask DisposeAsync()
    {
        await App.DisposeAsync();
        GC.SuppressFinalize(this);
    }
}
