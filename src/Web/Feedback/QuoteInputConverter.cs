using System.Text.Json;
using System.Text.Json.Serialization;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>
/// Reads a feedback <c>quote</c> as api-v1.md leaves it open: a plain string (the passage, located in the section by
/// <see cref="QuoteLocation"/>) or <c>{text, start, end}</c>. Read by hand rather than by a nested serializer call, so a
/// value of the wrong type is reported at <c>$.quote</c> and not at a path relative to the quote.
/// </summary>
public sealed class QuoteInputConverter : JsonConverter<QuoteInput>
{
    public override QuoteInput Read(ref Utf8JsonReader reader, Type typeToConvert, JsonSerializerOptions options)
    {
        if (reader.TokenType == JsonTokenType.String) return new QuoteInput(reader.GetString(), null, null);
        if (reader.TokenType != JsonTokenType.StartObject) throw new JsonException();
        string? text = null;
        int? start = null, end = null;
        while (reader.Read() && reader.TokenType == JsonTokenType.PropertyName)
        {
            var name = reader.GetString();
            reader.Read();
            if (string.Equals(name, "text", StringComparison.OrdinalIgnoreCase)) text = Text(ref reader);
            else if (string.Equals(name, "start", StringComparison.OrdinalIgnoreCase)) start = Offset(ref reader);
            else if (string.Equals(name, "end", StringComparison.OrdinalIgnoreCase)) end = Offset(ref reader);
            else reader.Skip();
        }
        return new QuoteInput(text, start, end);
    }

    public override void Write(Utf8JsonWriter writer, QuoteInput value, JsonSerializerOptions options)
    {
        writer.WriteStartObject();
        writer.WriteString("text", value.Text);
        if (value.Start is { } start) writer.WriteNumber("start", start);
        if (value.End is { } end) writer.WriteNumber("end", end);
        writer.WriteEndObject();
    }

    private static string? Text(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.String => reader.GetString(),
        _ => throw new JsonException(),
    };

    private static int? Offset(ref Utf8JsonReader reader) => reader.TokenType switch
    {
        JsonTokenType.Null => null,
        JsonTokenType.Number when reader.TryGetInt32(out var offset) => offset,
        _ => throw new JsonException(),
    };
}
