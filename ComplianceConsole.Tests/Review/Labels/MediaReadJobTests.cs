using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Tests.Review.Ingestion;
using ComplianceConsole.Tests.Security;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review.Labels;

/// <summary>
/// Items whose media address is on an allowed host are queued at ingestion; the read job fetches them through the address
/// guard, reads and checks the label, and writes the reading and the flags; a failed fetch is recorded and tried again later.
/// </summary>
public sealed class MediaReadJobTests(FileReadingApp allowed, GuardedFileReadingApp guarded)
    : IClassFixture<FileReadingApp>, IClassFixture<GuardedFileReadingApp>, IDisposable
{
    private readonly LocalHttpServer _media = new();

    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    public void Dispose() => _media.Dispose();

    private static async Task AllowAsync(ContentApp app, string host)
    {
        // Straight into the table: the settings page refuses a loopback address, which only a test's media server has.
        await using var db = await app.DbAsync();
        if (await db.AllowedMediaHosts.AnyAsync(h => h.Host == host, Ct)) return;
        db.AllowedMediaHosts.Add(new AllowedMediaHost { Host = host, AddedAtUtc = DateTime.UtcNow, AddedByName = "test" });
        await db.SaveChangesAsync(Ct);
    }

    private static async Task<long> SubmitAsync(ContentApp app, string externalId, string mediaUrl, string explicitLabelStatus = "Present")
    {
        var item = ContentFileApiTests.ImageItem(externalId, mediaUrl);
        item["explicitLabelStatus"] = explicitLabelStatus;
        var body = await app.PostAsync("/api/v1/content", item);
        return body.GetProperty("results")[0].GetProperty("id").GetInt64();
    }

    private static async Task<int> RunJobAsync(ContentApp app)
    {
        using var scope = app.App.Services.CreateScope();
        return await scope.ServiceProvider.GetRequiredService<MediaReadService>().RunAsync(Ct);
    }

    [Fact]
    public async Task An_item_on_an_allowed_host_is_fetched_read_and_flagged_in_one_audited_batch_and_leaves_the_queue()
    {
        await AllowAsync(allowed, "127.0.0.1");
        var url = _media.Answer("/labelled.jpg", new LocalAnswer(200, "image/jpeg", ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json(label: "3"))));
        var itemId = await SubmitAsync(allowed, "fetch-labelled", url);
        await using (var db = await allowed.DbAsync())
        {
            Assert.True(await db.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, Ct));
        }
        await using var before = await allowed.DbAsync();
        var auditsBefore = await before.AuditEvents.CountAsync(e => e.Action == AuditActions.MediaFilesRead, Ct);
        var announced = new System.Collections.Concurrent.ConcurrentQueue<long>();
        using var listening = allowed.App.Services.GetRequiredService<Common.Live.ILiveNotifier>().Subscribe<ContentFileRead>(read => announced.Enqueue(read.ContentItemId));

        Assert.Equal(1, await RunJobAsync(allowed));

        Assert.Contains(itemId, announced); // a case page showing the item shows the reading without a reload

        Assert.Single(_media.Hits);
        await using var after = await allowed.DbAsync();
        var reading = await after.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct);
        Assert.Equal((FileReadingOrigin.Fetch, FileReadingOutcome.Read, "Jpeg"), (reading.Origin, reading.Outcome, reading.FileType));
        var flag = await after.Flags.SingleAsync(f => f.ContentItemId == itemId, Ct);
        Assert.Equal((FlagSource.LabelCheck, "label.file.label_differs_from_declared"), (flag.Source, flag.ReasonCode));
        Assert.False(await after.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, Ct));
        Assert.Equal(auditsBefore + 1, await after.AuditEvents.CountAsync(e => e.Action == AuditActions.MediaFilesRead, Ct));
        Assert.Empty(Directory.Exists(Path.Combine(allowed.App.DataFolderPath, Features.Review.Media.CaseMedia.FolderName))
            ? Directory.GetFiles(Path.Combine(allowed.App.DataFolderPath, Features.Review.Media.CaseMedia.FolderName)) : []);
    }

    [Fact]
    public async Task A_fetched_image_whose_pdq_hash_is_in_a_block_bank_is_flagged_naming_the_bank_and_its_hash_kept_as_the_files()
    {
        await AllowAsync(allowed, "127.0.0.1");
        var png = ImplicitLabelFiles.Png(xmpJson: ImplicitLabelFiles.Json());
        var hash = allowed.App.Services.GetRequiredService<Features.Review.HashBanks.PdqHasher>().Hash(new MemoryStream(png)).Hash.ToString();
        long bankId;
        await using (var db = await allowed.DbAsync())
        {
            var bank = new Features.Review.HashBanks.HashBank
            {
                Name = "已删除的图片", Kind = Features.Review.HashBanks.HashBankKind.Block, ReasonCode = "rumour", CreatedAtUtc = DateTime.UtcNow,
                CreatedByName = "test", UpdatedAtUtc = DateTime.UtcNow, UpdatedByName = "test",
            };
            db.HashBanks.Add(bank);
            await db.SaveChangesAsync(Ct);
            db.HashBankEntries.Add(new Features.Review.HashBanks.HashBankEntry
            {
                HashBankId = bank.Id, Hash = hash, Origin = Features.Review.HashBanks.HashBankEntryOrigin.Api, AddedAtUtc = DateTime.UtcNow, AddedByName = "test",
            });
            await db.SaveChangesAsync(Ct);
            bankId = bank.Id;
        }
        var itemId = await SubmitAsync(allowed, "fetch-banked", _media.Answer("/banked.png", new LocalAnswer(200, "image/png", png)));

        await RunJobAsync(allowed);

        await using var after = await allowed.DbAsync();
        var flag = await after.Flags.SingleAsync(f => f.ContentItemId == itemId, Ct);
        Assert.Equal((FlagSource.FeatureLibrary, "rumour", bankId, "已删除的图片"), (flag.Source, flag.ReasonCode, flag.HashBankId, flag.MatchedText));
        var kept = await after.ContentPerceptualHashes.SingleAsync(h => h.ContentItemId == itemId, Ct);
        Assert.Equal((PerceptualHashOrigin.File, hash), (kept.Origin, kept.Hash));
        await after.HashBanks.Where(b => b.Id == bankId).ExecuteUpdateAsync(b => b.SetProperty(x => x.Enabled, false).SetProperty(x => x.UpdatedAtUtc, DateTime.UtcNow), Ct);
    }

    [Fact]
    public async Task An_item_on_a_host_not_on_the_list_is_never_queued_nor_fetched()
    {
        _media.Answer("/elsewhere.jpg", new LocalAnswer(200, "image/jpeg", ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json())));
        var itemId = await SubmitAsync(allowed, "fetch-not-allowed", $"http://localhost:{_media.Port}/elsewhere.jpg");

        await RunJobAsync(allowed);

        Assert.Empty(_media.Hits);
        await using var db = await allowed.DbAsync();
        Assert.False(await db.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, Ct));
        Assert.False(await db.ContentFileReadings.AnyAsync(r => r.ContentItemId == itemId, Ct));
    }

    [Fact]
    public async Task A_failed_fetch_is_recorded_tried_again_later_and_after_the_last_attempt_stays_recorded_as_failed()
    {
        await AllowAsync(allowed, "127.0.0.1");
        var itemId = await SubmitAsync(allowed, "fetch-missing", _media.Answer("/missing.jpg", new LocalAnswer(404)));

        await RunJobAsync(allowed);
        await using (var db = await allowed.DbAsync())
        {
            var reading = await db.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct);
            Assert.Equal((FileReadingOutcome.FetchFailed, "Media.HttpError", """["404"]"""), (reading.Outcome, reading.ProblemKey, reading.ProblemArgumentsJson));
            var pending = await db.PendingMediaReads.SingleAsync(p => p.ContentItemId == itemId, Ct);
            Assert.Equal(1, pending.Attempts);
            Assert.True(pending.NotBeforeUtc > DateTime.UtcNow, "a failed fetch waits before it is tried again");
            // Not due yet: the next run leaves it.
            Assert.Equal(0, await RunJobAsync(allowed));
            await db.PendingMediaReads.Where(p => p.ContentItemId == itemId).ExecuteUpdateAsync(p => p.SetProperty(r => r.NotBeforeUtc, DateTime.UtcNow.AddMinutes(-1)), Ct);
        }

        await RunJobAsync(allowed);

        Assert.Equal(2, _media.Hits.Count);
        await using var after = await allowed.DbAsync();
        Assert.Equal(2, await after.ContentFileReadings.CountAsync(r => r.ContentItemId == itemId && r.Outcome == FileReadingOutcome.FetchFailed, Ct));
        Assert.False(await after.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, Ct));
    }

    [Fact]
    public async Task An_item_changed_while_its_failed_fetch_waits_to_be_tried_again_is_read_at_the_next_run()
    {
        await AllowAsync(allowed, "127.0.0.1");
        var itemId = await SubmitAsync(allowed, "fetch-moved", _media.Answer("/moved-away.jpg", new LocalAnswer(404)));
        await RunJobAsync(allowed);
        var url = _media.Answer("/moved-here.jpg", new LocalAnswer(200, "image/jpeg", ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json(label: "1"))));

        Assert.Equal(itemId, await SubmitAsync(allowed, "fetch-moved", url)); // the platform corrects the address
        Assert.Equal(1, await RunJobAsync(allowed));

        await using var db = await allowed.DbAsync();
        var latest = await db.ContentFileReadings.Where(r => r.ContentItemId == itemId).OrderByDescending(r => r.Id).FirstAsync(Ct);
        Assert.Equal(FileReadingOutcome.Read, latest.Outcome);
        Assert.False(await db.PendingMediaReads.AnyAsync(p => p.ContentItemId == itemId, Ct));
    }

    [Fact]
    public async Task The_address_guard_refuses_a_private_address_when_private_addresses_are_not_allowed_and_the_reading_says_why()
    {
        await AllowAsync(guarded, "127.0.0.1");
        // Its explicit label is missing, so it has a case whose page shows the file's label.
        var itemId = await SubmitAsync(guarded, "fetch-guarded", _media.Answer("/private.jpg", new LocalAnswer(200, "image/jpeg", ImplicitLabelFiles.Jpeg())), "Missing");

        await RunJobAsync(guarded);

        Assert.Empty(_media.Hits);
        await using var db = await guarded.DbAsync();
        var reading = await db.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct);
        Assert.Equal((FileReadingOutcome.FetchFailed, "Media.AddressRefused"), (reading.Outcome, reading.ProblemKey));
        Assert.Contains("Loopback", reading.ProblemArgumentsJson);
        var shown = await FileReadingApps.FileLabelAsync(guarded, itemId);
        Assert.Equal((FileReadingOutcome.FetchFailed, "Media.AddressRefused", true), (shown.Latest!.Outcome, shown.Latest.ProblemKey, shown.FetchWaiting));
        Assert.False(await db.Flags.AnyAsync(f => f.ContentItemId == itemId && f.ReasonCode!.StartsWith(LabelFileFlags.ReasonPrefix), Ct));
    }
}

/// <summary>With <c>KeepReadFiles</c> on, a fetched file is kept as reviewers' media is: encrypted, one copy per item.</summary>
public sealed class KeptMediaReadTests(KeepingFileReadingApp app) : IClassFixture<KeepingFileReadingApp>, IDisposable
{
    private readonly LocalHttpServer _media = new();

    public void Dispose() => _media.Dispose();

    [Fact]
    public async Task A_fetched_file_is_kept_encrypted_when_configuration_says_so()
    {
        var ct = TestContext.Current.CancellationToken;
        var png = ImplicitLabelFiles.Png(xmpJson: ImplicitLabelFiles.Json());
        await using (var db = await app.DbAsync())
        {
            db.AllowedMediaHosts.Add(new AllowedMediaHost { Host = "127.0.0.1", AddedAtUtc = DateTime.UtcNow, AddedByName = "test" });
            await db.SaveChangesAsync(ct);
        }
        await app.PostAsync("/api/v1/content", ContentFileApiTests.ImageItem("kept-file", _media.Answer("/kept.png", new LocalAnswer(200, "image/png", png))));

        using (var scope = app.App.Services.CreateScope())
        {
            Assert.Equal(1, await scope.ServiceProvider.GetRequiredService<MediaReadService>().RunAsync(ct));
        }

        var kept = File.ReadAllBytes(Assert.Single(Directory.GetFiles(Path.Combine(app.App.DataFolderPath, Features.Review.Media.CaseMedia.FolderName))));
        Assert.True(kept.AsSpan().IndexOf("IHDR"u8) < 0, "the kept file is stored as plain PNG");
    }
}
