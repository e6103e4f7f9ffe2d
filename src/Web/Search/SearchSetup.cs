using Nq45Consult.Consultation.Search;

namespace Nq45Consult.Web.Search;

/// <summary>The search over drafts, feedback and responses: its query, its index's first build, its route.</summary>
public static class SearchSetup
{
    public static WebApplicationBuilder AddSearch(this WebApplicationBuilder builder)
    {
        builder.Services.AddScoped<SearchQueries>();
        builder.Services.AddHostedService<SearchIndexStartup>();
        return builder;
    }

    public static WebApplication MapSearch(this WebApplication app)
    {
        app.MapSearchEndpoints();
        return app;
    }
}
