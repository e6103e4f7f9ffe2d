using Markdig;
using Markdig.Extensions.Yaml;
using Nq45Consult.Consultation.Drafts.Parsing;
using YamlDotNet.Core;
using YamlDotNet.Core.Events;

namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>
/// The YAML block between two "---" lines at the top of a draft file: Markdig's front-matter extension finds the
/// block, YamlDotNet reads it. Only a flat mapping of keys to text or to lists of text is accepted, and every value
/// stays text (no YAML type guessing: "30" and "yes" are read as written and checked by their field).
/// </summary>
internal sealed class FrontMatter
{
    private const string Field = "frontMatter";

    private static readonly MarkdownPipeline Pipeline = new MarkdownPipelineBuilder().UseYamlFrontMatter().Build();

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lists = new(StringComparer.Ordinal);
    private readonly string[] _lines;
    private readonly int _lastLine;

    private FrontMatter(string[] lines, int lastLine, string body)
    {
        (_lines, _lastLine) = (lines, lastLine);
        Body = body;
    }

    /// <summary>The text after the closing delimiter.</summary>
    public string Body { get; }

    public IEnumerable<string> Keys => _values.Keys;

    public static FrontMatter Read(string fileText)
    {
        var text = fileText.TrimStart('\uFEFF').ReplaceLineEndings("\n");
        var lines = text.Split('\n');
        if (lines[0].TrimEnd() != "---")
        {
            throw new DraftInvalidException(Field, "The draft file must start with a front matter block opened by a \"---\" line.");
        }

        if (Markdown.Parse(text, Pipeline).FirstOrDefault() is not YamlFrontMatterBlock block)
        {
            throw new DraftInvalidException(Field, "The front matter block is not closed by a \"---\" line.");
        }

        // The block's span ends inside its closing line; the YAML is what lies between the two delimiter lines.
        var closingLineStart = text.LastIndexOf('\n', block.Span.End) + 1;
        var closingLineEnd = text.IndexOf('\n', block.Span.End);
        var yaml = text[(lines[0].Length + 1)..closingLineStart];
        var body = closingLineEnd < 0 ? "" : text[(closingLineEnd + 1)..].TrimStart('\n');
        var lastLine = text.AsSpan(0, closingLineStart).Count('\n');
        var frontMatter = new FrontMatter(lines, lastLine, body);
        frontMatter.Load(yaml);
        return frontMatter;
    }

    public string? Scalar(string key)
    {
        if (!_values.TryGetValue(key, out var values))
        {
            return null;
        }

        return _lists.Contains(key)
            ? throw new DraftInvalidException(key, $"Front matter key \"{key}\" takes a single value, not a list.")
            : values.FirstOrDefault();
    }

    public IReadOnlyList<string> List(string key) => _values.TryGetValue(key, out var values) ? values : [];

    /// <summary>Reads the mapping event by event, so that a duplicate key or a nested value names its field and line.</summary>
    private void Load(string yaml)
    {
        var parser = new Parser(new StringReader(yaml));
        try
        {
            parser.Consume<StreamStart>();
            if (parser.TryConsume<StreamEnd>(out _))
            {
                return;
            }

            parser.Consume<DocumentStart>();
            if (!parser.TryConsume<MappingStart>(out _))
            {
                throw NotKeyValue(parser.Current!);
            }

            while (!parser.TryConsume<MappingEnd>(out _))
            {
                if (!parser.TryConsume<Scalar>(out var key))
                {
                    throw NotKeyValue(parser.Current!);
                }

                if (!_values.TryAdd(key.Value, []))
                {
                    throw new DraftInvalidException(key.Value, $"Front matter key \"{key.Value}\" appears twice (line {LineOf(key)}).");
                }

                ReadValue(parser, key.Value);
            }
        }
        catch (YamlException e)
        {
            // An error found at the end of the YAML (an unclosed bracket or quote) is reported on its last line.
            var line = Math.Min(e.Start.Line + 1, _lastLine);
            throw new DraftInvalidException(Field, $"Front matter line {line} is not valid YAML ({e.Message}): {TextOf(line)}");
        }
    }

    private void ReadValue(Parser parser, string key)
    {
        if (parser.TryConsume<Scalar>(out var value))
        {
            // "key:" with nothing after it gives no value, as if the key were absent.
            if (value.Value.Length > 0 || value.Style != ScalarStyle.Plain)
            {
                _values[key].Add(value.Value);
            }

            return;
        }

        if (!parser.TryConsume<SequenceStart>(out _))
        {
            throw NotKeyValue(parser.Current!);
        }

        _lists.Add(key);
        while (!parser.TryConsume<SequenceEnd>(out _))
        {
            if (!parser.TryConsume<Scalar>(out var item))
            {
                throw new DraftInvalidException(key, $"Front matter line {LineOf(parser.Current!)}: the items of \"{key}\" must be plain text: {TextOf(LineOf(parser.Current!))}");
            }

            _values[key].Add(item.Value);
        }
    }

    /// <summary>The YAML starts on the file's second line.</summary>
    private static long LineOf(ParsingEvent yamlEvent) => yamlEvent.Start.Line + 1;

    private string TextOf(long fileLine) => fileLine >= 1 && fileLine <= _lines.Length ? _lines[fileLine - 1].Trim() : "";

    private DraftInvalidException NotKeyValue(ParsingEvent at) =>
        new(Field, $"Front matter line {LineOf(at)} is not \"key: value\" or \"key: [a, b]\": {TextOf(LineOf(at))}");
}
