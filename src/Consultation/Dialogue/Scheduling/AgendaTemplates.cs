namespace Nq45Consult.Consultation.Dialogue.Scheduling;

/// <summary>Agendas a session can follow, by name.</summary>
public static class AgendaTemplates
{
    /// <summary>The order of a critique conference (hội nghị phản biện) in Fatherland Front practice.</summary>
    public const string CritiqueConference = "critique-conference";

    private static readonly IReadOnlyDictionary<string, IReadOnlyList<string>> Templates = new Dictionary<string, IReadOnlyList<string>>
    {
        [CritiqueConference] =
        [
            "Chủ trì khai mạc",
            "Cơ quan soạn thảo trình bày dự thảo",
            "Chủ trì nêu trọng tâm phản biện",
            "Đại biểu thảo luận",
            "Cơ quan soạn thảo giải trình",
            "Chủ trì kết luận",
            "Gửi văn bản phản biện",
        ],
    };

    public static IReadOnlyCollection<string> Names => [.. Templates.Keys];

    public static bool TryGet(string name, out IReadOnlyList<string> steps) => Templates.TryGetValue(name, out steps!);

    /// <summary>
    /// The template and 1-based step a session's agenda step was copied from, or null for a step the moderator wrote:
    /// the session keeps the template's text, so the pages can show a known step in the reader's language.
    /// </summary>
    public static (string Template, int Step)? Origin(string step) =>
        Templates.SelectMany(t => t.Value.Select((text, i) => (t.Key, text, i))).Where(s => s.text == step)
            .Select(s => ((string, int)?)(s.Key, s.i + 1)).FirstOrDefault();
}
