using System.Net.Http.Json;
using System.Security.Cryptography;
using System.Text;
using ClosedXML.Excel;
using ComplianceConsole.Features.Exports;
using ComplianceConsole.Features.Exports.History;
using ComplianceConsole.Features.Exports.Workbook;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Localization;
using ComplianceConsole.Tests.Registry;

namespace ComplianceConsole.Tests.Exports.Sources;

public class ComplianceRegistrySourceTests(RegistryApp registry) : IClassFixture<RegistryApp>
{
    [Fact]
    public async Task The_registry_export_has_the_common_cover_and_digest_masks_the_depicted_person_and_lists_evidence_hashes()
    {
        var validUntilDay = ChinaTime.FromUtc(registry.Clock.GetUtcNow().UtcDateTime).Date.AddDays(20);
        await registry.Platform().PostAsJsonAsync("api/v1/consents", new
        {
            externalId = "c-export", externalUserId = RegistryApp.PlatformUser, depictedPersonRef = "p-export", depictedPersonName = "欧阳娜娜", edits = "Voice",
            scope = "声音克隆", validFrom = registry.Clock.GetUtcNow().AddMinutes(-1), method = "WrittenSignature",
            // Valid until the end of the 20th day from now, China Standard Time, as the consent dialog stores a chosen last day.
            validUntil = ChinaTime.DayEndUtc(validUntilDay)!.Value,
        });
        var pdf = Encoding.ASCII.GetBytes("%PDF-1.7\nthird-party assessment\n%%EOF");
        await using (var manager = registry.App.As(RegistryApp.Manager))
        {
            var saved = await manager.Get<AssessmentService>().SaveAsync(new AssessmentForm
            {
                Subject = "换脸模型 v3", SubjectKind = AssessmentSubject.Model, Kind = AssessmentKind.ThirdParty, Status = AssessmentStatus.InProgress,
                DueDate = DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10),
            });
            Assert.True(saved.Succeeded);
            Assert.Null((await manager.Get<EvidenceService>().UploadAsync(EvidenceOwner.Assessment, saved.Value, new MemoryStream(pdf), "评估报告.pdf", pdf.Length)).RefusalKey);
        }

        // Quartz dates a job it is given by the real clock and fires it by the app's: bring the app's clock past the real one.
        registry.Clock.Advance(DateTimeOffset.UtcNow - registry.Clock.GetUtcNow() + TimeSpan.FromSeconds(30));
        ExportQueued queued;
        await using (var auditor = registry.App.As(RegistryApp.Auditor)) queued = (await auditor.Get<ExportService>().QueueAsync(ExportApp.Today(ExportKind.ComplianceRegistry))).Value!;
        Assert.Equal(JobStatus.Succeeded, (await registry.App.WaitForJobAsync(RegistryApp.Auditor, queued.JobId)).Status);

        byte[] bytes;
        ExportHistoryRow history;
        await using (var auditor = registry.App.As(RegistryApp.Auditor))
        {
            var exports = auditor.Get<ExportHistoryService>();
            history = (await exports.GetAsync(queued.ExportId))!;
            await using var workbook = (await exports.OpenAsync(queued.ExportId))!.Workbook;
            using var copy = new MemoryStream();
            await workbook.CopyToAsync(copy);
            bytes = copy.ToArray();
        }
        var digests = ExportWorkbookReader.Read(new MemoryStream(bytes));
        Assert.Equal(history.DataDigest, digests.CoverValue("数据摘要 / Data digest"));
        Assert.Equal(history.DataDigest, digests.DataDigest);

        using var book = new XLWorkbook(new MemoryStream(bytes));
        Assert.Equal("合规登记簿（同意、评估、上线、备案、到期事项） / Compliance registry (consents, assessments, launches, filings, falling due)",
            ExportApp.CoverValue(book, "报表类型"));
        var rows = book.Worksheet(2).RowsUsed().Skip(1).ToList();
        var consent = rows.Single(r => r.Cell(1).GetString() == "单独同意 / Consents" && r.Cell(3).GetString() == "c-export");
        Assert.Equal(("人声 / Voice", "有效 / Valid", RegistryApp.PlatformUser, "欧阳**"), (consent.Cell(4).GetString(), consent.Cell(5).GetString(), consent.Cell(6).GetString(), consent.Cell(7).GetString()));
        var assessment = rows.Single(r => r.Cell(1).GetString() == "安全评估 / Assessments" && r.Cell(3).GetString() == "换脸模型 v3");
        Assert.Equal($"{Convert.ToHexStringLower(SHA256.HashData(pdf))} 评估报告.pdf", assessment.Cell(16).GetString());
        Assert.Equal(XLDataType.DateTime, assessment.Cell(9).DataType);
        Assert.Equal(DateOnly.FromDateTime(DateTime.UtcNow).AddDays(10).ToDateTime(TimeOnly.MinValue), assessment.Cell(9).GetDateTime());
        Assert.Equal(validUntilDay.AddDays(1).AddSeconds(-1), consent.Cell(11).GetDateTime());
        Assert.Contains(rows, r => r.Cell(1).GetString() == "到期事项 / Falling due" && r.Cell(3).GetString() == "换脸模型 v3" && r.Cell(5).GetString() == "即将到期 / Due soon");
        Assert.Equal(history.Rows, rows.Count);
    }
}
