using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Tests.Exports.Sources;

namespace ComplianceConsole.Tests.Exports;

/// <summary>
/// November's content handling records (<see cref="NovemberRegistersApp"/>), a few verification records and the staff audit
/// log: every export kind here has date-time cells. The app's clock is brought to the real one, by which Quartz dates its jobs.
/// </summary>
public sealed class ResaveApp : NovemberRegistersApp
{
    public override async ValueTask InitializeAsync()
    {
        await base.InitializeAsync();
        Clock.Advance(DateTimeOffset.UtcNow - Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        foreach (var (index, person) in ExportApp.People.Index())
        {
            Assert.Equal(SubmissionOutcome.Created, await App.SubmitDirectlyAsync(
                new VerificationSubmission(person.User, null, null, person.Method, person.Identifier, person.Name, Clock.GetUtcNow().UtcDateTime.AddMinutes(index - 60))));
        }
    }

    /// <summary>The kind exported by the Manager over November up to today, in China Standard Time; its workbook and its number.</summary>
    public async Task<(byte[] Bytes, long ExportId)> ExportAsync(ExportKind kind)
    {
        var today = ComplianceConsole.Localization.ChinaTime.FromUtc(Clock.GetUtcNow().UtcDateTime).Date;
        var (queued, _) = await ExportApp.ExportAsync(App, Manager, new ExportForm { Kind = kind, FromDay = new DateTime(2026, 11, 1), ToDay = today });
        return ((await ExportApp.DownloadAsync(App, Manager, queued.ExportId))!, queued.ExportId);
    }
}
