using Nq45Consult.Consultation.Cases;
using Nq45Consult.Web.Pages.Cases;

namespace Nq45Consult.Web.Cases;

/// <summary>Critique cases (docs/critique.md "Critique cases"): handlers, queries, routes.</summary>
public static class CasesSetup
{
    public static WebApplicationBuilder AddCases(this WebApplicationBuilder builder)
    {
        builder.Services.AddCasesHandlers();
        builder.Services.AddSingleton<CaseActions>();
        return builder;
    }

    public static WebApplication MapCases(this WebApplication app) => app.MapCaseEndpoints().MapCaseReviewEndpoints();
}
