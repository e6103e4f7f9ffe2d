namespace Nq45Consult.Web.Tests.Shell;

/// <summary>
/// What an attacker types into a field, each visible as text once it is shown safely (the <see cref="Probe"/>
/// marker), and each reporting itself if it ever runs: it calls <c>__xss</c>, opens a dialog, writes
/// <see cref="Ran"/> to the console or sets <c>window.__pwned</c>.
/// </summary>
public static class Payloads
{
    public const string Probe = "XSS-PROBE";
    public const string Ran = "XSS-RAN";

    public static readonly string[] All =
    [
        $"{Probe} <script>__xss('script')</script>",
        "<img src=x onerror=\"__xss('img onerror')\">",
        "\"><svg onload=alert('XSS-RAN')>",
        "<svg><script>window.__pwned=1</script></svg>",
        "'><iframe src=\"javascript:__xss('iframe')\"></iframe>",
        "<a href=\"javascript:__xss('a href')\">javascript link</a>",
        "javascript:__xss('bare')",
        "[markdown link](javascript:__xss('md link'))",
        "[data link](data:text/html;base64,PHNjcmlwdD5fX3hzcygnZGF0YScpPC9zY3JpcHQ+)",
        "![markdown image](x\" onerror=\"__xss('md image'))",
        "![tracker](https://tracker.example.org/pixel.png)",
        "![svg](data:image/svg+xml;base64,PHN2ZyBvbmxvYWQ9Il9feHNzKCdzdmcnKSIvPg==)",
        "&lt;script&gt;console.log('XSS-RAN')&lt;/script&gt; &#60;img src=x onerror=__xss('entity')&#62;",
        "\u202Etxt.exe\u202C \u2066<b onmouseover=__xss('bidi')>bidi</b>\u2069",
        "<style>*{background:url(https://tracker.example.org/css)}</style><div style=\"color:red\">styled</div>",
        "<object data=\"data:text/html,<script>__xss('object')</script>\"></object><base href=\"https://evil.example.org/\">",
    ];

    /// <summary>Every payload, one a line, for the long fields (rationale, summary, answers, report text).</summary>
    public static readonly string Long = string.Join("\n\n", All);

    /// <summary>As many payloads as fit in <paramref name="length"/> characters (live-session texts are short).</summary>
    public static string Within(int length) =>
        All.Aggregate("", (text, payload) => text.Length + payload.Length + 1 > length ? text : text + payload + "\n").TrimEnd();

    /// <summary>For fields of a few hundred characters at most (titles, names, addressees, options).</summary>
    public const string Short = $"{Probe} <img src=x onerror=__xss('short')><script>__xss('s')</script>\u202E[a](javascript:__xss('l'))";

    /// <summary>A draft whose headings, text, links, images and table carry the payloads.</summary>
    public static string Draft(string extra = "") => $"""
        ## Chương I. QUY ĐỊNH CHUNG

        ### Điều 1. Phạm vi {Short}

        {Long}

        | Cột <b onclick=__xss('th')>1</b> | Cột 2 |
        |:---:|---:|
        | [ô](javascript:__xss('cell')) | <svg onload=__xss('td')> |

        ### Điều 2. Hiệu lực

        Có hiệu lực từ ngày ký. {Short} {extra}
        """;
}
