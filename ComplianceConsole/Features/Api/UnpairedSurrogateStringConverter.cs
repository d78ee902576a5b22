using System.Buffers;
using System.Globalization;
using System.Text;
using System.Text.Json;
using System.Text.Json.Serialization;

namespace ComplianceConsole.Features.Api;

/// <summary>
/// Reads a JSON string as System.Text.Json does, except one whose <c>\u</c> escapes leave half of a surrogate pair alone
/// (<c>"\ud800"</c>: valid JSON, but no valid text), which it refuses for the whole document. Such a string is read as it is
/// written, so the field's own validation refuses it (<see cref="Common.SafeText"/>): one item of a batch, with its field named.
/// </summary>
public sealed class UnpairedSurrogateStringConverter : JsonConverter<string>
{
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);

    public override string? Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType != JsonTokenType.String) throw new JsonException();
        try
        {
            return reader.GetString();
        }
        catch (InvalidOperationException)
        {
            // Not a wrong token type (checked above): text the reader will not turn into a string. Unescape it here.
            return Unescape(reader.HasValueSequence ? reader.ValueSequence.ToArray() : reader.ValueSpan);
        }
    }

    public override void Write(Utf8JsonWriter writer, string value, JsonSerializerOptions options) => writer.WriteStringValue(value);

    private static string Unescape(ReadOnlySpan<byte> raw)
    {
        var text = new StringBuilder(raw.Length);
        try
        {
            var start = 0;
            for (var i = 0; i < raw.Length; i++)
            {
                if (raw[i] != (byte)'\\') continue;
                text.Append(StrictUtf8.GetString(raw[start..i]));
                var escape = (char)raw[++i];
                if (escape == 'u')
                {
                    text.Append((char)int.Parse(Encoding.ASCII.GetString(raw.Slice(i + 1, 4)), NumberStyles.AllowHexSpecifier, CultureInfo.InvariantCulture));
                    i += 4;
                }
                else
                {
                    text.Append(escape switch { 'b' => '\b', 'f' => '\f', 'n' => '\n', 'r' => '\r', 't' => '\t', _ => escape });
                }
                start = i + 1;
            }
            text.Append(StrictUtf8.GetString(raw[start..]));
        }
        catch (Exception e) when (e is DecoderFallbackException or FormatException or ArgumentOutOfRangeException or IndexOutOfRangeException)
        {
            throw new JsonException(null, e);
        }
        return text.ToString();
    }
}
