using Nq45Consult.Consultation.Surveys;

namespace Nq45Consult.Web.Surveys;

public static class SurveySetup
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<SurveyCommands>();
        builder.Services.AddScoped<SurveyQueries>();
        return builder;
    }
}
