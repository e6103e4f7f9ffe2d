using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Consultation.Drafts.Importing;

/// <summary>
/// The small "key: value" block between two "---" lines at the top of a draft file.
/// Only the YAML subset draft authors use is read (scalars, [a, b] and "- item" lists),
/// which keeps a YAML library and its surprises out of the domain.
/// </summary>
internal sealed class FrontMatter
{
    private const string Delimiter = "---";
    private const string Field = "frontMatter";

    private readonly Dictionary<string, List<string>> _values = new(StringComparer.Ordinal);
    private readonly HashSet<string> _lists = new(StringComparer.Ordinal);

    private FrontMatter()
    {
    }

    /// <summary>The text after the closing delimiter.</summary>
    public string Body { get; private set; } = "";

    public IEnumerable<string> Keys => _values.Keys;

    public static FrontMatter Read(string fileText)
    {
        var lines = fileText.TrimStart('\uFEFF').ReplaceLineEndings("\n").Split('\n');
        if (lines[0].TrimEnd() != Delimiter)
        {
            throw new DraftInvalidException(Field, "The draft file must start with a front matter block opened by a \"---\" line.");
        }

        var frontMatter = new FrontMatter();
        string? listKey = null;
        for (var i = 1; i < lines.Length; i++)
        {
            var line = lines[i].TrimEnd();
            if (line == Delimiter)
            {
                frontMatter.Body = string.Join('\n', lines[(i + 1)..]).TrimStart('\n');
                return frontMatter;
            }

            if (line.Length == 0 || line.TrimStart().StartsWith('#'))
            {
                continue;
            }

            if (listKey is not null && line.TrimStart().StartsWith("- ", StringComparison.Ordinal))
            {
                frontMatter._values[listKey].Add(Unquote(line.TrimStart()[2..]));
                continue;
            }

            listKey = frontMatter.Add(line, i + 1);
        }

        throw new DraftInvalidException(Field, "The front matter block is not closed by a \"---\" line.");
    }

    public string? Scalar(string key)
    {
        if (!_values.TryGetValue(key, out var values))
        {
            return null;
        }

        return _lists.Contains(key)
            ? throw new DraftInvalidException(key, $"Front matter key \"{key}\" takes a single value, not a list.")
            : values[0];
    }

    public IReadOnlyList<string> List(string key) => _values.TryGetValue(key, out var values) ? values : [];

    /// <summary>Adds one "key: value" line; returns the key when "- item" lines may follow.</summary>
    private string? Add(string line, int lineNumber)
    {
        var colon = line.IndexOf(':');
        if (colon <= 0 || char.IsWhiteSpace(line[0]))
        {
            throw new DraftInvalidException(Field, $"Front matter line {lineNumber} is not \"key: value\": {line}");
        }

        var key = line[..colon].Trim();
        var value = line[(colon + 1)..].Trim();
        if (!_values.TryAdd(key, []))
        {
            throw new DraftInvalidException(key, $"Front matter key \"{key}\" appears twice.");
        }

        if (value.Length == 0)
        {
            _lists.Add(key);
            return key;
        }

        if (value.StartsWith('[') && value.EndsWith(']'))
        {
            _lists.Add(key);
            _values[key].AddRange(value[1..^1]
                .Split(',', StringSplitOptions.TrimEntries | StringSplitOptions.RemoveEmptyEntries)
                .Select(Unquote));
            return null;
        }

        _values[key].Add(Unquote(value));
        return null;
    }

    private static string Unquote(string value)
    {
        var trimmed = value.Trim();
        return trimmed.Length >= 2 && trimmed[0] == trimmed[^1] && trimmed[0] is '"' or '\''
            ? trimmed[1..^1]
            : trimmed;
    }
}
