using Nq45Consult.Consultation.Surveys;
using Nq45Consult.Consultation.Surveys.Answering;
using Nq45Consult.Consultation.Surveys.Defining;

namespace Nq45Consult.Web.Surveys;

public static class SurveySetup
{
    public static WebApplicationBuilder AddSurveys(this WebApplicationBuilder builder)
    {
        builder.Services.AddSingleton<DefineSurveyHandler>();
        builder.Services.AddSingleton<AnswerSurveyHandler>();
        builder.Services.AddScoped<SurveyQueries>();
        return builder;
    }
}
