using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Associations;
using Nq45Consult.Consultation.Experts.Importing;
using Nq45Consult.Consultation.Experts.Interests;
using Nq45Consult.Consultation.Experts.Invitations;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;
using Nq45Consult.Consultation.Experts.SavedFilters;
using Nq45Consult.Consultation.Feedback;
using Nq45Consult.Consultation.Seeding;

namespace Nq45Consult.Web.Experts;

/// <summary>The expert registry: profiles, associations, import/export, statistics, interest declarations.</summary>
public static class ExpertsSetup
{
    public static WebApplicationBuilder AddExperts(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<ExpertsOptions>().Bind(builder.Configuration.GetSection(ExpertsOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<ExpertsOptions>, ExpertsOptionsValidation>();
        services.AddExpertHandlers();
        services.AddSingleton<ProfileAuthors>();
        services.AddSingleton<IAuthorProfiles>(sp => sp.GetRequiredService<ProfileAuthors>());
        services.AddSingleton<IDemoSeeder, DemoExpertProfiles>();
        return builder;
    }

    /// <summary>One handler per use case; query classes for what the registry pages and routes read.</summary>
    private static void AddExpertHandlers(this IServiceCollection services)
    {
        services.AddSingleton<SaveOwnProfileHandler>();
        services.AddSingleton<CreateProfileHandler>();
        services.AddSingleton<EditProfileHandler>();
        services.AddSingleton<ImportMemberListHandler>();
        services.AddSingleton<AddAssociationHandler>();
        services.AddSingleton<RenameAssociationHandler>();
        services.AddSingleton<RetireAssociationHandler>();
        services.AddSingleton<SaveRegistryFilterHandler>();
        services.AddSingleton<RetireRegistryFilterHandler>();
        services.AddSingleton<DeclareInterestsHandler>();
        services.AddSingleton<InviteFromRegistryHandler>();
        services.AddSingleton<ProfileQueries>();
        services.AddSingleton<PersonalDataExport>();
        services.AddSingleton<RegistrySearch>();
        services.AddSingleton<ExpertStatisticsQuery>();
        services.AddSingleton<ParticipationQuery>();
        services.AddSingleton<AssociationQueries>();
        services.AddSingleton<SavedFilterQueries>();
        services.AddSingleton<InterestQueries>();
        services.AddSingleton<InvitationResponses>();
    }

    public static WebApplication MapExperts(this WebApplication app)
    {
        app.MapExpertEndpoints();
        app.MapInvitationEndpoints();
        return app;
    }
}

public sealed class ExpertsOptionsValidation : IValidateOptions<ExpertsOptions>
{
    public ValidateOptionsResult Validate(string? name, ExpertsOptions options)
    {
        var problems = options.Problems().ToList();
        return problems.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(problems);
    }
}
