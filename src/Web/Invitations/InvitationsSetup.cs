using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.Invitations;
using Nq45Consult.Consultation.Invitations.Accepting;
using Nq45Consult.Consultation.Invitations.Inviting;
using Nq45Consult.Consultation.Invitations.Managing;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Invitations;

/// <summary>Invitations by e-mail: handlers, the background sender of queued batches, settings validated at start.</summary>
public static class InvitationsSetup
{
    public static WebApplicationBuilder AddInvitations(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<InvitationOptions>().Bind(builder.Configuration.GetSection(InvitationOptions.Section)).ValidateOnStart();
        services.AddSingleton<IValidateOptions<InvitationOptions>>(new ProblemsValidation<InvitationOptions>(o => o.Problems()));
        services.AddSingleton<InvitationSender>();
        services.AddSingleton<InviteByEmailHandler>();
        services.AddSingleton<InvitePeopleHandler>();
        services.AddSingleton<OpenInvitationHandler>();
        services.AddSingleton<AcceptInvitationHandler>();
        services.AddSingleton<InvitationChange>();
        services.AddSingleton<InvitationQueries>();
        services.AddHostedService<InvitationSending>();
        return builder;
    }

    public static WebApplication MapInvitations(this WebApplication app)
    {
        app.MapInvitationByEmailEndpoints();
        return app;
    }
}

/// <summary>Sends the queued batches' invitations (their e-mails then leave through the outbox) every <see cref="InvitationOptions.SendInterval"/>.</summary>
public sealed class InvitationSending(InvitationSender sender, TimeProvider time, IOptions<InvitationOptions> options, ILogger<InvitationSending> logger)
    : PeriodicWork(options.Value.SendInterval, time, logger)
{
    protected override async Task Round(CancellationToken stoppingToken)
    {
        var sent = await sender.SendQueued(stoppingToken);
        if (sent > 0) logger.LogInformation("Sent {Count} queued invitation(s) to the outbox.", sent);
    }
}
