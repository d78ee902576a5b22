using System.Buffers;
using System.Text.Json;
using System.Text.Json.Serialization;
using ComplianceConsole.Localization;
using Microsoft.AspNetCore.Http.Features;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.Api;

/// <summary>A request body read as JSON, or the problem to answer instead (415, 413, or 400 naming the field that did not parse).</summary>
public sealed record ApiBody<T>(T? Value, IResult? Problem);

/// <summary>
/// Reads API request bodies itself rather than through minimal API binding, which answers an oversized body with
/// a bare 400 and malformed JSON with an empty 400 (Production) or a stack trace (Development).
/// </summary>
public sealed class ApiJsonBody(IOptions<ApiOptions> options, IOptions<JsonOptions> json, IStringLocalizer<SharedResource> localizer)
{
    /// <summary>
    /// The app's JSON options, reading half of a surrogate pair for validation to refuse (<see cref="UnpairedSurrogateStringConverter"/>); made once
    /// per app's options, not per request (the reader is scoped, and options keep what they learn of each type).
    /// </summary>
    private JsonSerializerOptions ReadOptions => ReadOptionsOf.GetValue(json.Value.SerializerOptions,
        appOptions => new JsonSerializerOptions(appOptions)
        {
            Converters = { new UnpairedSurrogateStringConverter() },
            // A field the call does not have (a misspelt "publshedAt", a "publishedAtUtc" for "publishedAt") is refused by name rather
            // than read as absent: what the platform believed it sent would otherwise be dropped without a word.
            UnmappedMemberHandling = JsonUnmappedMemberHandling.Disallow,
        });

    private static readonly System.Runtime.CompilerServices.ConditionalWeakTable<JsonSerializerOptions, JsonSerializerOptions> ReadOptionsOf = new();

    /// <param name="expectedFormatKey">Says what a field should hold, from its JSON name, when its value does not parse.</param>
    public async Task<ApiBody<T>> ReadAsync<T>(HttpRequest request, Func<string, string> expectedFormatKey)
    {
        var maxBytes = options.Value.MaxRequestBytes;
        if (!request.HasJsonContentType())
            return new(default, ApiErrors.Problem(StatusCodes.Status415UnsupportedMediaType, localizer, "Api.JsonRequired"));
        if (request.ContentLength > maxBytes) return TooLarge();
        if (request.HttpContext.Features.Get<IHttpMaxRequestBodySizeFeature>() is { IsReadOnly: false } sizeLimit)
            sizeLimit.MaxRequestBodySize = maxBytes; // the server stops reading a longer body without Content-Length early

        byte[] body;
        int length;
        try
        {
            (body, length) = await ReadUpToAsync(request.Body, request.ContentLength, maxBytes, request.HttpContext.RequestAborted);
        }
        catch (BadHttpRequestException e) when (e.StatusCode == StatusCodes.Status413PayloadTooLarge)
        {
            return TooLarge();
        }
        try
        {
            return length > maxBytes ? TooLarge() : Parse<T>(body.AsSpan(0, length), expectedFormatKey);
        }
        finally
        {
            Release(body, length);
        }

        ApiBody<T> TooLarge() => new(default, ApiErrors.Problem(StatusCodes.Status413PayloadTooLarge, localizer, "Api.BodyTooLarge", (maxBytes / (1024.0 * 1024)).ToString("0.##", System.Globalization.CultureInfo.InvariantCulture)));
    }

    /// <summary>
    /// JSON already read (a request body, or one part of a multipart request), or the 400 naming the field that did not parse;
    /// <paramref name="fieldPrefix"/> goes before the field's path, as a part's name.
    /// </summary>
    public ApiBody<T> Parse<T>(ReadOnlySpan<byte> json, Func<string, string> expectedFormatKey, string fieldPrefix = "")
    {
        try
        {
            return new(JsonSerializer.Deserialize<T>(json, ReadOptions), null);
        }
        catch (JsonException e)
        {
            // A reader error (broken syntax) says where the document broke; a conversion error names the field, or says the whole
            // document is JSON of another kind (an array, a string) where an object belongs.
            var broken = e.InnerException is JsonException;
            var field = broken ? "" : FieldOf(e.Path);
            var property = JsonContractPaths.Names(field)[^1];
            var (line, at) = ((e.LineNumber ?? 0) + 1, (e.BytePositionInLine ?? 0) + 1);
            var message = broken ? (fieldPrefix.Length == 0 ? localizer["Api.MalformedJson", line, at] : localizer["Api.MalformedPartJson", fieldPrefix, line, at])
                : field.Length == 0 ? localizer["Api.ExpectedBodyObject"]
                : !JsonContractPaths.IsMapped(ReadOptions, typeof(T), field) ? localizer["Api.UnknownField", property]
                : localizer[expectedFormatKey(property)];
            var name = field.Length == 0 ? (fieldPrefix.Length == 0 ? "$" : fieldPrefix) : fieldPrefix.Length == 0 ? field : $"{fieldPrefix}.{field}";
            return new(default, TypedResults.ValidationProblem(new Dictionary<string, string[]> { [name] = [message] }));
        }
    }

    /// <summary>"$.items[1].submittedAt" as "items[1].submittedAt"; the whole document as "".</summary>
    private static string FieldOf(string? path) => path is null or "$" ? "" : path.StartsWith("$.", StringComparison.Ordinal) ? path[2..] : path.TrimStart('$');

    /// <summary>
    /// The body in a buffer from the shared pool, to be returned there, or its first <paramref name="maxBytes"/> + 1 bytes when it is
    /// longer: enough to know it is too long. A batch's body is a megabyte or more, read many times a second: a buffer grown by
    /// doubling and copied out at the end was the largest part of what ingestion allocated.
    /// </summary>
    private static async Task<(byte[] Buffer, int Length)> ReadUpToAsync(Stream body, long? declared, long maxBytes, CancellationToken cancellationToken)
    {
        var buffer = ArrayPool<byte>.Shared.Rent((int)Math.Min(declared ?? 81920, maxBytes) + 1); // one more: the end is read, not assumed
        var length = 0;
        try
        {
            while (length <= maxBytes)
            {
                if (length == buffer.Length) buffer = Grown(buffer, (int)Math.Min(2L * buffer.Length, maxBytes + 1));
                var read = await body.ReadAsync(buffer.AsMemory(length), cancellationToken);
                if (read == 0) break;
                length += read;
            }
            return (buffer, length);
        }
        catch
        {
            Release(buffer, length);
            throw;
        }
    }

    private static byte[] Grown(byte[] buffer, int size)
    {
        var grown = ArrayPool<byte>.Shared.Rent(size);
        buffer.CopyTo(grown, 0);
        Release(buffer, buffer.Length);
        return grown;
    }

    /// <summary>Back to the pool, what was read wiped first: a body may carry personal data (names, identity numbers).</summary>
    private static void Release(byte[] buffer, int length)
    {
        buffer.AsSpan(0, Math.Min(length, buffer.Length)).Clear();
        ArrayPool<byte>.Shared.Return(buffer);
    }
}
