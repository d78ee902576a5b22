using System.Globalization;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Features.Review.Media;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// One content item with its file (<c>POST /api/v1/content/file</c>). The file is read (labels, SHA-256, an image's PDQ hash)
/// before ingestion takes the writer's lock; then the item is ingested as by <c>POST /api/v1/content</c>, with the reading.
/// A file over <see cref="MediaOptions.MaxUploadBytes"/> is refused whole (413), one that is not image, audio or video by its
/// first bytes too (400).
/// </summary>
internal static class ContentFileUpload
{
    public const string ItemPart = "item";
    public const string FilePart = "file";

    public static async Task<IResult> SubmitAsync(HttpRequest request, ApiJsonBody body, ContentIngestionService ingestion, ContentFileAnalyzer analyzer,
        IOptionsMonitor<MediaOptions> media, IOptions<ApiOptions> api, IStringLocalizer<SharedResource> localizer, CancellationToken cancellationToken)
    {
        if (!request.HasFormContentType || !request.ContentType!.StartsWith("multipart/", StringComparison.OrdinalIgnoreCase))
            return ApiErrors.Problem(StatusCodes.Status415UnsupportedMediaType, localizer, "Api.MultipartRequired", ItemPart, FilePart);
        var maxFileBytes = media.CurrentValue.MaxUploadBytes;
        // The item's JSON and the parts' headers come on top of the file.
        var maxRequestBytes = maxFileBytes + api.Value.MaxRequestBytes + 64 * 1024;
        if (request.ContentLength > maxRequestBytes) return TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit) sizeLimit.MaxRequestBodySize = maxRequestBytes;

        IFormCollection form;
        try
        {
            form = await request.ReadFormAsync(new FormOptions
            {
                MultipartBodyLengthLimit = maxRequestBytes, ValueLengthLimit = (int)Math.Min(int.MaxValue, api.Value.MaxRequestBytes),
            }, cancellationToken);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        catch (Exception e) when (e is InvalidDataException or BadHttpRequestException)
        {
            return Invalid("$", "Api.MalformedMultipart");
        }

        // One item and one file: a second of either would be dropped without a word.
        if (form.Files.GetFiles(FilePart).Count > 1) return Invalid(FilePart, "Api.PartRepeated", FilePart);
        if (form.Files.GetFiles(ItemPart).Count + (form.TryGetValue(ItemPart, out var itemText) ? itemText.Count : 0) > 1)
            return Invalid(ItemPart, "Api.PartRepeated", ItemPart);
        var file = form.Files.GetFile(FilePart);
        var itemJson = form.Files.GetFile(ItemPart) is { } itemFile ? await BytesAsync(itemFile, cancellationToken)
            : itemText.Count == 1 ? System.Text.Encoding.UTF8.GetBytes(itemText[0]!) : null;
        if (itemJson is null) return Invalid(ItemPart, "Api.PartMissing", ItemPart);
        if (file is null) return Invalid(FilePart, "Api.PartMissing", FilePart);
        if (file.Length == 0) return Invalid(FilePart, "Api.FileEmpty");
        if (file.Length > maxFileBytes) return TooLarge();
        if (!StartsAsObject(itemJson)) return Invalid(ItemPart, "Api.PartNotObject", ItemPart);

        var (item, problem) = body.Parse<ContentItemDto>(itemJson, ContentApi.ExpectedFormatKey, ItemPart);
        if (problem is not null) return problem;
        var content = await BytesAsync(file, cancellationToken);
        if (MediaSniffing.ContentTypeOf(content) is null) return Invalid(FilePart, "Api.FileWrongType");

        var analysis = analyzer.Analyze(content, FileReadingOrigin.Upload);
        var results = await ingestion.SubmitContentAsync([ContentApi.Submission(item) with { File = analysis }], cancellationToken);
        return TypedResults.Ok(ContentApi.Response(results, localizer));

        IResult TooLarge() => ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, localizer, "Api.FileTooLarge",
            (maxFileBytes / (1024.0 * 1024)).ToString("0.##", CultureInfo.InvariantCulture));

        IResult Invalid(string field, string key, params object[] arguments) =>
            TypedResults.ValidationProblem(new Dictionary<string, string[]> { [field] = [localizer[key, arguments]] });
    }

    /// <summary>False for JSON whose first value is not an object (an array, a number, null); broken JSON is left to the parser to name.</summary>
    private static bool StartsAsObject(byte[] json)
    {
        var reader = new System.Text.Json.Utf8JsonReader(json);
        try
        {
            return !reader.Read() || reader.TokenType == System.Text.Json.JsonTokenType.StartObject;
        }
        catch (System.Text.Json.JsonException)
        {
            return true;
        }
    }

    private static async Task<byte[]> BytesAsync(IFormFile part, CancellationToken cancellationToken)
    {
        using var buffer = new MemoryStream((int)part.Length);
        await part.CopyToAsync(buffer, cancellationToken);
        return buffer.ToArray();
    }
}
