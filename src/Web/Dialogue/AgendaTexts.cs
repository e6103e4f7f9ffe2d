using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Dialogue.Scheduling;

namespace Nq45Consult.Web.Dialogue;

/// <summary>A session's agenda as the pages show it: steps taken from a template in the reader's language, others as written.</summary>
public static class AgendaTexts
{
    public static IReadOnlyList<string> Localized(IEnumerable<string> agenda, IStringLocalizer texts) =>
        [.. agenda.Select(step => AgendaTemplates.Origin(step) is { } origin ? texts[$"AgendaTemplate-{origin.Template}-{origin.Step}"].Value : step)];
}
