using System.Globalization;
using System.Net;
using System.Net.Http.Json;
using System.Text;
using System.Text.Json;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Tests.Review.Ingestion;
using ComplianceConsole.Localization;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Localization;

namespace ComplianceConsole.Tests.Review.Labels;

/// <summary><c>POST /api/v1/content/file</c>: the item with its file, whose own implicit label is read, kept and checked against the item.</summary>
public sealed class ContentFileApiTests(FileReadingApp app) : IClassFixture<FileReadingApp>
{
    private static CancellationToken Ct => TestContext.Current.CancellationToken;

    /// <summary>An AI-generated image whose declared AIGC label is the one <see cref="ImplicitLabelFiles.Json"/> writes by default.</summary>
    public static Dictionary<string, object?> ImageItem(string externalId, string? mediaUrl = null)
    {
        var item = ContentApp.Item(externalId);
        item["mediaType"] = "Image";
        item["category"] = "FaceManipulation";
        item["mediaUrl"] = mediaUrl ?? $"https://cdn.example.cn/i/{externalId}.jpg";
        item["implicitLabel"] = new { label = "1", contentProducer = ImplicitLabelFiles.LabelingCode, produceId = "P-0001" };
        return item;
    }

    public static MultipartFormDataContent Form(object? item, byte[]? file)
    {
        var form = new MultipartFormDataContent();
        if (item is not null) form.Add(new StringContent(JsonSerializer.Serialize(item), Encoding.UTF8, "application/json"), "item");
        if (file is not null) form.Add(new ByteArrayContent(file), "file", "media");
        return form;
    }

    private async Task<(HttpResponseMessage Response, JsonElement Body)> UploadAsync(object? item, byte[]? file)
    {
        var response = await app.Platform().PostAsync("/api/v1/content/file", Form(item, file), Ct);
        return (response, await response.Content.ReadFromJsonAsync<JsonElement>(Ct));
    }

    private async Task<long?> ItemIdAsync(string externalId)
    {
        await using var db = await app.DbAsync();
        return await db.ContentItems.Where(i => i.ExternalId == externalId).Select(i => (long?)i.Id).SingleOrDefaultAsync(Ct);
    }

    [Fact]
    public async Task A_jpeg_whose_label_agrees_with_the_item_is_read_and_kept_and_flags_nothing()
    {
        var jpeg = ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json());

        var (response, body) = await UploadAsync(ImageItem("file-agrees"), jpeg);

        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var result = body.GetProperty("results")[0];
        Assert.Equal("Created", result.GetProperty("outcome").GetString());
        Assert.Equal(0, result.GetProperty("flagsAdded").GetInt32());
        await using var db = await app.DbAsync();
        var itemId = result.GetProperty("id").GetInt64();
        var reading = await db.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct);
        Assert.Equal((FileReadingOrigin.Upload, FileReadingOutcome.Read, "Jpeg", (long)jpeg.Length), (reading.Origin, reading.Outcome, reading.FileType, reading.ByteCount));
        Assert.Equal(Convert.ToHexStringLower(System.Security.Cryptography.SHA256.HashData(jpeg)), reading.Sha256);
        Assert.Contains("\"place\":\"Xmp\"", reading.LabelsJson);
        Assert.Equal("[]", reading.FindingsJson);
        Assert.False(await db.Flags.AnyAsync(f => f.ContentItemId == itemId, Ct));
    }

    [Fact]
    public async Task A_label_contradicting_the_item_raises_a_label_check_flag_naming_the_finding_once_however_often_it_is_sent()
    {
        var jpeg = ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json(label: "3"));

        var (_, first) = await UploadAsync(ImageItem("file-contradicts"), jpeg);
        var (_, again) = await UploadAsync(ImageItem("file-contradicts"), jpeg);

        Assert.Equal(1, first.GetProperty("results")[0].GetProperty("flagsAdded").GetInt32());
        Assert.NotEqual(JsonValueKind.Null, first.GetProperty("results")[0].GetProperty("caseId").ValueKind);
        Assert.Equal(("Unchanged", 0), (again.GetProperty("results")[0].GetProperty("outcome").GetString(), again.GetProperty("results")[0].GetProperty("flagsAdded").GetInt32()));
        await using var db = await app.DbAsync();
        var itemId = await ItemIdAsync("file-contradicts");
        var flag = await db.Flags.SingleAsync(f => f.ContentItemId == itemId, Ct);
        Assert.Equal((FlagSource.LabelCheck, "label.file.label_differs_from_declared", """["Xmp","1","3"]"""), (flag.Source, flag.ReasonCode, flag.MatchedText));
        Assert.Equal(2, await db.ContentFileReadings.CountAsync(r => r.ContentItemId == itemId, Ct));
        var shown = (await FileReadingApps.FileLabelAsync(app, itemId!.Value)).Latest!;
        Assert.Equal((FileReadingOrigin.Upload, FileReadingOutcome.Read), (shown.Origin, shown.Outcome));
        var label = Assert.Single(shown.Labels);
        Assert.Equal((ImplicitLabelPlace.Xmp, "3", ImplicitLabelFiles.LabelingCode), (label.Place, label.Fields!.Label, label.Fields.ContentProducer));
        Assert.Equal(new ImplicitLabelFinding(ImplicitLabelFindingCodes.LabelDiffersFromDeclared, "Xmp", "1", "3"), Assert.Single(shown.Findings));
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var localizer = app.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.Equal("The platform declared Label 1; the implicit label in XMP (TC260:AIGC) says 3", LabelFileFlags.Describe(localizer, flag.ReasonCode, flag.MatchedText));
    }

    [Theory]
    [InlineData("zh-CN", "label.file.unreadable", """["Unreadable"]""", "无法读取文件中的隐式标识（文件已损坏或被截断）")]
    [InlineData("en", "label.file.unreadable", """["TooLarge"]""", "The file's implicit label could not be read (the file is too large to read)")]
    [InlineData("zh-CN", "label.file.unreadable", """["TooDeeplyNested"]""", "无法读取文件中的隐式标识（文件中的元数据嵌套过深，无法安全读取）")]
    [InlineData("en", "label.file.unreadable", """["TooDeeplyNested"]""", "The file's implicit label could not be read (the metadata in the file nests too deeply to be read safely)")]
    [InlineData("zh-CN", "label.file.several", """["2","Xmp, PngText"]""", "文件中有 2 个隐式标识（XMP (TC260:AIGC), PNG 文本块 AIGC），应当恰好一个")]
    [InlineData("zh-CN", "label.file.producer_missing", """["Exif"]""", "EXIF UserComment 中的隐式标识缺少 ContentProducer")]
    // The count as the file label panel beside it writes it, in the reader's culture; the flag keeps it as digits ("2000").
    [InlineData("zh-CN", "label.file.several", """["2000","PngText"]""", "文件中有 2,000 个隐式标识（PNG 文本块 AIGC），应当恰好一个")]
    [InlineData("en", "label.file.several", """["2000","PngText"]""", "The file carries 2,000 implicit labels (PNG text chunk AIGC); exactly one is required")]
    public void A_file_findings_flag_names_places_and_outcomes_in_the_readers_language_not_by_their_codes(string culture, string reasonCode, string matchedText, string expected)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var localizer = app.App.Services.GetRequiredService<IStringLocalizer<SharedResource>>();
        Assert.Equal(expected, LabelFileFlags.Describe(localizer, reasonCode, matchedText));
    }

    [Fact]
    public async Task A_png_without_a_label_for_an_item_declared_ai_generated_is_flagged_and_its_pdq_hash_kept_as_the_files()
    {
        var (_, body) = await UploadAsync(ImageItem("file-unlabelled"), ImplicitLabelFiles.Png());

        Assert.Equal(1, body.GetProperty("results")[0].GetProperty("flagsAdded").GetInt32());
        await using var db = await app.DbAsync();
        var itemId = await ItemIdAsync("file-unlabelled");
        Assert.Equal("label.file.none", (await db.Flags.SingleAsync(f => f.ContentItemId == itemId, Ct)).ReasonCode);
        var hash = await db.ContentPerceptualHashes.SingleAsync(h => h.ContentItemId == itemId, Ct);
        Assert.Equal(PerceptualHashOrigin.File, hash.Origin);
        Assert.Equal("Png", (await db.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct)).FileType);
    }

    [Fact]
    public async Task A_file_over_the_limit_is_refused_whole_with_413_and_nothing_is_stored()
    {
        var large = ImplicitLabelFiles.Jpeg(xmpPacket: new string(' ', FileReadingApp.MaxUploadBytes));

        var (response, body) = await UploadAsync(ImageItem("file-large"), large);

        Assert.Equal(HttpStatusCode.RequestEntityTooLarge, response.StatusCode);
        Assert.Contains("0.06 MB", body.GetProperty("detail").GetString());
        Assert.Null(await ItemIdAsync("file-large"));
    }

    [Fact]
    public async Task A_file_that_is_not_image_audio_or_video_is_refused_with_400_naming_the_file_and_nothing_is_stored()
    {
        var (response, body) = await UploadAsync(ImageItem("file-html"), "<html><script>alert(1)</script></html>"u8.ToArray());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.Contains("not an image, audio or video", body.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Null(await ItemIdAsync("file-html"));
    }

    [Fact]
    public async Task A_missing_part_is_named_and_a_json_body_is_told_to_be_multipart()
    {
        var (noItem, noItemBody) = await UploadAsync(null, ImplicitLabelFiles.Png());
        var (noFile, noFileBody) = await UploadAsync(ImageItem("file-missing"), null);
        var json = await app.Platform().PostAsJsonAsync("/api/v1/content/file", ImageItem("file-json"), Ct);

        Assert.Equal(HttpStatusCode.BadRequest, noItem.StatusCode);
        Assert.Equal("The part \"item\" is missing.", noItemBody.GetProperty("errors").GetProperty("item")[0].GetString());
        Assert.Equal(HttpStatusCode.BadRequest, noFile.StatusCode);
        Assert.Equal("The part \"file\" is missing.", noFileBody.GetProperty("errors").GetProperty("file")[0].GetString());
        Assert.Equal(HttpStatusCode.UnsupportedMediaType, json.StatusCode);
    }

    [Fact]
    public async Task An_item_part_that_is_not_one_object_or_not_JSON_a_repeated_part_and_an_empty_file_are_each_named()
    {
        async Task<(HttpStatusCode Status, string Message)> PostAsync(Action<MultipartFormDataContent> build, string field)
        {
            var form = new MultipartFormDataContent();
            build(form);
            var response = await app.Platform().PostAsync("/api/v1/content/file", form, Ct);
            var body = await response.Content.ReadFromJsonAsync<JsonElement>(Ct);
            return (response.StatusCode, body.GetProperty("errors").GetProperty(field)[0].GetString()!);
        }
        StringContent Json(string text) => new(text, Encoding.UTF8, "application/json");
        var png = ImplicitLabelFiles.Png();
        var item = JsonSerializer.Serialize(ImageItem("file-parts"));

        var array = await PostAsync(f => { f.Add(Json("[1,2]"), "item"); f.Add(new ByteArrayContent(png), "file", "a.png"); }, "item");
        var nothing = await PostAsync(f => { f.Add(Json("null"), "item"); f.Add(new ByteArrayContent(png), "file", "a.png"); }, "item");
        var broken = await PostAsync(f => { f.Add(Json("{\"externalId\": \"file-parts\","), "item"); f.Add(new ByteArrayContent(png), "file", "a.png"); }, "item");
        var twoFiles = await PostAsync(f => { f.Add(Json(item), "item"); f.Add(new ByteArrayContent(png), "file", "a.png"); f.Add(new ByteArrayContent(png), "file", "b.png"); }, "file");
        var twoItems = await PostAsync(f => { f.Add(Json(item), "item"); f.Add(Json(item), "item"); f.Add(new ByteArrayContent(png), "file", "a.png"); }, "item");
        var empty = await PostAsync(f => { f.Add(Json(item), "item"); f.Add(new ByteArrayContent([]), "file", "a.png"); }, "file");

        Assert.Equal((HttpStatusCode.BadRequest, "The part \"item\" must be one JSON object (one item)."), array);
        Assert.Equal((HttpStatusCode.BadRequest, "The part \"item\" must be one JSON object (one item)."), nothing);
        Assert.Equal(HttpStatusCode.BadRequest, broken.Status);
        Assert.StartsWith("The part \"item\" is not valid JSON (near line 1, byte ", broken.Message);
        Assert.Equal((HttpStatusCode.BadRequest, "Send the part \"file\" once."), twoFiles);
        Assert.Equal((HttpStatusCode.BadRequest, "Send the part \"item\" once."), twoItems);
        Assert.Equal((HttpStatusCode.BadRequest, "The file is empty."), empty);
        Assert.Null(await ItemIdAsync("file-parts"));
    }

    [Fact]
    public async Task A_human_made_item_whose_file_has_no_label_is_not_flagged_for_it()
    {
        var item = ImageItem("file-photo");
        (item["declaredAiGenerated"], item["implicitLabel"], item["implicitLabelStatus"]) = (false, null, "Missing");

        await UploadAsync(item, ImplicitLabelFiles.Jpeg());

        await using var db = await app.DbAsync();
        var itemId = await ItemIdAsync("file-photo");
        // The declared state's own check still flags the missing label; the file adds nothing to it.
        Assert.Equal(["label.implicit_missing"], await db.Flags.Where(f => f.ContentItemId == itemId).Select(f => f.ReasonCode).ToListAsync(Ct));
        Assert.Contains("\"none\"", (await db.ContentFileReadings.SingleAsync(r => r.ContentItemId == itemId, Ct)).FindingsJson);
    }

    [Fact]
    public async Task The_providers_own_output_must_carry_its_labeling_code_from_the_settings()
    {
        await using (var db = await app.DbAsync())
        {
            await db.ProviderSettings.ExecuteUpdateAsync(s => s.SetProperty(p => p.LabelingCode, ImplicitLabelFiles.LabelingCode), Ct);
        }
        var jpeg = ImplicitLabelFiles.Jpeg(xmpJson: ImplicitLabelFiles.Json(producer: ImplicitLabelFiles.CreditCode));

        await UploadAsync(ImageItem("file-own"), jpeg);

        await using var after = await app.DbAsync();
        var itemId = await ItemIdAsync("file-own");
        var reasons = await after.Flags.Where(f => f.ContentItemId == itemId).Select(f => f.ReasonCode).OrderBy(r => r).ToListAsync(Ct);
        Assert.Equal(["label.file.producer_differs_from_declared", "label.file.producer_not_own"], reasons);
    }

    [Fact]
    public async Task The_openapi_document_describes_the_upload_as_multipart()
    {
        var document = await app.App.CreateBrowserlikeClient().GetStringAsync("/openapi/v1.json", Ct);

        Assert.Contains("/api/v1/content/file", document);
        Assert.Contains("multipart/form-data", document);
    }

    [Fact]
    public async Task A_malformed_item_part_is_named_by_its_field_inside_the_part()
    {
        var item = ImageItem("file-bad-json");
        item["declaredAiGenerated"] = "perhaps";

        var (response, body) = await UploadAsync(item, ImplicitLabelFiles.Png());

        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        Assert.True(body.GetProperty("errors").TryGetProperty("item.declaredAiGenerated", out _));
    }
}
