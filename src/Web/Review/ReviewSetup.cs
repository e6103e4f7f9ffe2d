using Nq45Consult.Consultation.Review;
using Nq45Consult.Consultation.Review.Addressing;
using Nq45Consult.Consultation.Review.Carrying;
using Nq45Consult.Consultation.Review.Critique;
using Nq45Consult.Consultation.Review.Deadlines;
using Nq45Consult.Consultation.Review.Minutes;
using Nq45Consult.Consultation.Review.Minutes.Editing;
using Nq45Consult.Consultation.Review.Minutes.Finalising;
using Nq45Consult.Consultation.Review.Minutes.Generating;
using Nq45Consult.Consultation.Review.Dashboard;
using Nq45Consult.Consultation.Review.Reporting;
using Nq45Consult.Consultation.Review.Responding;

namespace Nq45Consult.Web.Review;

public static class ReviewSetup
{
    public static WebApplicationBuilder AddReview(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<ReviewOptions>().BindConfiguration(ReviewOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        builder.Services.AddScoped<ReviewProgressQuery>();
        builder.Services.AddScoped<AcceptanceReport>();
        builder.Services.AddScoped<ReviewDashboard>();
        builder.Services.AddScoped<NearDuplicates>();
        builder.Services.AddSingleton<NearDuplicates.Cache>();
        builder.Services.AddScoped<FeedbackBreakdown>();
        builder.Services.AddScoped<CarriedFeedback>();
        builder.Services.AddSingleton<DraftCritiqueHandler>();
        builder.Services.AddScoped<CritiqueQueries>();
        builder.Services.AddScoped<CritiqueDocx>();
        builder.Services.AddSingleton<RespondToFeedbackHandler>();
        builder.Services.AddSingleton<MarkFeedbackAddressedHandler>();
        builder.Services.AddSingleton<RespondToGroupHandler>();
        builder.Services.AddSingleton<SetResponseDeadlineHandler>();
        builder.Services.AddSingleton<SetReportDetailsHandler>();
        builder.Services.AddHostedService<SearchTextStartup>();
        builder.Services.AddSingleton<GenerateMinutesHandler>();
        builder.Services.AddSingleton<EditMinutesHandler>();
        builder.Services.AddSingleton<FinaliseMinutesHandler>();
        builder.Services.AddScoped<MinutesQueries>();
        return builder;
    }
}
