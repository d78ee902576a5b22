using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Verification;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports.Sources;

public sealed class ExportPagingTests(RegistersApp app) : IClassFixture<RegistersApp>
{
    [Fact]
    public async Task Rows_sharing_one_time_stream_across_pages_once_each_in_id_order()
    {
        var at = RegistersApp.Utc(11, 3, 9);
        await using (var db = await app.ContextAsync())
        {
            var user = new PlatformUser { ExternalId = "bulk-author", DisplayName = "bulk", Kind = PlatformUserKind.Individual, CreatedAtUtc = at };
            db.PlatformUsers().Add(user);
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
            db.Sanctions.AddRange(Enumerable.Range(0, 2_005).Select(i => new Sanction
            {
                PlatformUserId = user.Id, Kind = SanctionKind.Warning, StartsAtUtc = at, ReasonCode = "rumour", ImposedByName = "经理", ImposedAtUtc = at,
            }));
            await db.SaveChangesAsync(TestContext.Current.CancellationToken);
        }
        var source = app.App.Services.CreateScope().ServiceProvider.GetServices<IExportSource>().Single(s => s.Kind == ExportKind.SanctionsRegister);
        var request = new ExportRequest(ExportKind.SanctionsRegister, RegistersApp.Utc(11, 1), RegistersApp.Utc(12, 1), new Dictionary<string, string>(), false);

        var ids = new List<long>();
        await foreach (var row in source.ReadAsync(request, TestContext.Current.CancellationToken)) ids.Add(long.Parse((string)row[0]!));

        Assert.Equal(2_005, ids.Count);
        Assert.Equal(ids.Order(), ids);
        Assert.Equal(ids.Count, ids.Distinct().Count());
        Assert.Equal(2_005, await source.CountAsync(request, TestContext.Current.CancellationToken));
    }
}
