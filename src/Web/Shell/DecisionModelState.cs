using Microsoft.AspNetCore.Mvc.ModelBinding;

namespace Nq45Consult.Web.Shell;

/// <summary>The one translation of a refused <see cref="Decision"/> onto a page: each field's errors next to it, else the reason.</summary>
public static class DecisionModelState
{
    /// <param name="prefix">The bound property holding the fields (<c>Form.</c>), or empty.</param>
    /// <param name="reasonKey">Where a refusal that names no field is shown: empty for the form's summary, null when the page shows it apart.</param>
    public static void AddDecisionErrors(this ModelStateDictionary modelState, Decision decision, string prefix = "", string? reasonKey = "")
    {
        foreach (var (field, messages) in decision.Errors)
            foreach (var message in messages)
                modelState.AddModelError(prefix + char.ToUpperInvariant(field[0]) + field[1..], message);
        if (decision.Errors.Count == 0 && decision.Reason is { } reason && reasonKey is not null) modelState.AddModelError(reasonKey, reason);
    }
}
