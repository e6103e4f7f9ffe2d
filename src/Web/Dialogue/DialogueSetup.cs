using Microsoft.Extensions.Options;
using StackExchange.Redis;
using Nq45Consult.Consultation.Dialogue;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Dialogue;

public static class DialogueSetup
{
    /// <summary>The backplane's connection string; when set, several app nodes serve one room.</summary>
    public const string RedisKey = "SignalR:Redis";

    public static WebApplicationBuilder AddDialogue(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<DialogueOptions>().BindConfiguration(DialogueOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid Dialogue settings").ValidateOnStart();
        services.AddOptions<DialogueHubOptions>().BindConfiguration(DialogueHubOptions.Section)
            .Validate(o => !o.Problems().Any(), "Invalid Dialogue:Hub settings").ValidateOnStart();
        services.AddSingleton<IValidateOptions<DialogueOptions>>(new ProblemsValidation<DialogueOptions>(o => o.Problems()));
        services.AddSingleton<IValidateOptions<DialogueHubOptions>>(new ProblemsValidation<DialogueHubOptions>(o => o.Problems()));
        services.AddDialogueUseCases();
        services.AddSingleton<DialogueBroadcaster>();
        services.AddSingleton<ISessionCommitListener>(sp => sp.GetRequiredService<DialogueBroadcaster>());
        services.AddHostedService(sp => sp.GetRequiredService<DialogueBroadcaster>());

        var hubOptions = builder.Configuration.GetSection(DialogueHubOptions.Section).Get<DialogueHubOptions>() ?? new DialogueHubOptions();
        var signalR = services.AddSignalR(o => o.MaximumReceiveMessageSize = hubOptions.MaximumReceiveMessageSize);
        if (builder.Configuration[RedisKey] is { Length: > 0 } redis)
        {
            signalR.AddStackExchangeRedis(redis, o => o.Configuration.ChannelPrefix = RedisChannel.Literal("nq45"));
            services.AddSingleton<IConnectionMultiplexer>(_ => ConnectionMultiplexer.Connect(redis));
            services.AddSingleton<ClusterPresence>();
            services.AddSingleton(sp => new Presence(sp.GetRequiredService<ClusterPresence>()));
            services.AddHostedService<ClusterPresence.Renewal>();
        }
        else
        {
            services.AddSingleton(new Presence());
        }
        return builder;
    }
}
