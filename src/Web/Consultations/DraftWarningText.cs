using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Drafts.Parsing;

namespace Nq45Consult.Web.Consultations;

/// <summary>A preview warning as the moderator reads it, from the shared resources ("DraftWarning" + kind).</summary>
public static class DraftWarningText
{
    public static string Of(IStringLocalizer texts, DraftWarning warning) => texts["DraftWarning" + warning.Kind, warning.Detail];
}

/// <param name="Message">The warning in the caller's language.</param>
public sealed record PreviewWarning(DraftWarningKind Kind, string? Anchor, string Detail, string Message)
{
    public static PreviewWarning Of(IStringLocalizer texts, DraftWarning warning) =>
        new(warning.Kind, warning.Anchor, warning.Detail, DraftWarningText.Of(texts, warning));
}
