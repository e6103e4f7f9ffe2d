using Microsoft.Extensions.Options;
using Nq45Consult.Consultation.OpinionMap;

namespace Nq45Consult.Web.OpinionMap;

public static class OpinionMapSetup
{
    public static WebApplicationBuilder AddOpinionMap(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        services.AddOptions<OpinionMapOptions>().BindConfiguration(OpinionMapOptions.Section).ValidateOnStart();
        services.AddSingleton<IValidateOptions<OpinionMapOptions>, OpinionMapOptionsValidation>();
        services.AddOpinionMapHandlers();
        services.AddSignalR();
        services.AddHostedService<OpinionMapLive>();
        return builder;
    }

    private sealed class OpinionMapOptionsValidation : IValidateOptions<OpinionMapOptions>
    {
        public ValidateOptionsResult Validate(string? name, OpinionMapOptions options) =>
            options.Problems().ToList() is { Count: > 0 } problems ? ValidateOptionsResult.Fail(problems) : ValidateOptionsResult.Success;
    }
}
