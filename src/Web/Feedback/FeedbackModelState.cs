using Microsoft.AspNetCore.Mvc.ModelBinding;
using Nq45Consult.Consultation.Feedback;

namespace Nq45Consult.Web.Feedback;

/// <summary>Shows a refused feedback or survey decision on its page: each field's errors next to it, else the reason.</summary>
public static class FeedbackModelState
{
    public static void AddDecisionErrors(this ModelStateDictionary modelState, FeedbackDecision decision, string fallback)
    {
        foreach (var (field, messages) in decision.Errors)
            foreach (var message in messages) modelState.AddModelError(field, message);
        if (decision.Errors.Count == 0) modelState.AddModelError("", decision.Reason ?? fallback);
    }
}
