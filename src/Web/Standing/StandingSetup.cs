using Nq45Consult.Consultation.Standing;

namespace Nq45Consult.Web.Standing;

/// <summary>Where a person stands (the <c>/me</c> page): one query over the capabilities they take part in.</summary>
public static class StandingSetup
{
    public static WebApplicationBuilder AddStanding(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<StandingQueries>();
        builder.Services.AddScoped<OpenNowQueries>();
        return builder;
    }
}
