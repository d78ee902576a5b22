using ClosedXML.Excel;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Exports;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Exports;

/// <summary>The cover names the audit chain's newest genuine signed checkpoint: a newer one nobody signed is passed over.</summary>
public sealed class ExportCoverCheckpointTests(ExportApp app) : IClassFixture<ExportApp>
{
    [Fact]
    public async Task The_cover_names_the_newest_genuine_checkpoint_and_passes_over_a_newer_forged_one()
    {
        var services = app.App.Services;
        var contexts = services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        await services.GetRequiredService<AuditTrail>().RecordAsync(contexts, AuditActor.System, AuditActions.ChainVerified);
        var genuine = (await services.GetRequiredService<AuditCheckpoints>().WriteAsync())!;
        await using (var db = await contexts.CreateDbContextAsync())
        {
            db.AuditCheckpoints.Add(new AuditCheckpoint
            {
                Sequence = genuine.Sequence, Hash = new string('f', 64), CreatedAtUtc = genuine.CreatedAtUtc.AddSeconds(1), Signature = "bm90IGEgc2lnbmF0dXJl",
            });
            await db.SaveChangesAsync();
        }

        var today = DateTime.UtcNow.Date;
        var (queued, _) = await app.ExportAsync(ExportApp.Manager, new ExportForm { Kind = ExportKind.VerificationLedger, FromDay = today.AddDays(-1), ToDay = today.AddDays(1) });
        using var book = new XLWorkbook(new MemoryStream((await app.DownloadAsync(ExportApp.Manager, queued.ExportId))!));

        var cover = ExportApp.CoverValue(book, "审计链签名检查点");
        Assert.DoesNotContain(new string('f', 64), cover);
        // The checkpoint job may sign a newer genuine one before the export runs: then the cover names that one.
        await using var read = await contexts.CreateDbContextAsync();
        var genuineSince = await read.AuditCheckpoints.Where(c => c.Sequence >= genuine.Sequence && c.Hash != new string('f', 64)).ToListAsync();
        Assert.Contains(genuineSince, c => cover.Contains($"第 {c.Sequence} 条事件，哈希 {c.Hash}"));
    }
}
