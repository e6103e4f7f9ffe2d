using Microsoft.Extensions.Localization;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>Names of the feedback enums in the reader's language, for pages; looked up by the enum value, never by a domain text.</summary>
public static class FeedbackLabels
{
    public static string Of(IStringLocalizer texts, Stance stance) => texts["SearchStance_" + stance];

    public static string Of(IStringLocalizer texts, FeedbackStatus status) => texts["FeedbackStatus_" + status];

    public static string Of(IStringLocalizer texts, ModerationCategory category) => texts["ModerationCategory_" + category];

    public static string Of(IStringLocalizer texts, Attribution attribution) => texts["Attribution_" + attribution];
}
