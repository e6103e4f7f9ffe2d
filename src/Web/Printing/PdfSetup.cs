using Microsoft.Extensions.Options;
using Nq45Consult.Web.Shell;

namespace Nq45Consult.Web.Printing;

public static class PdfSetup
{
    /// <summary>PDF rendering (section <c>Pdf</c>): the Chromium printer shared by the report and draft PDF routes.</summary>
    public static WebApplicationBuilder AddPdf(this WebApplicationBuilder builder)
    {
        builder.Services.AddOptions<PdfOptions>().BindConfiguration(PdfOptions.Section).ValidateOnStart();
        builder.Services.AddSingleton<IValidateOptions<PdfOptions>>(new ProblemsValidation<PdfOptions>(o => o.Problems()));
        builder.Services.AddSingleton<ChromiumPdf>();
        builder.Services.AddSingleton(services => new PrintStyles(services.GetRequiredService<IWebHostEnvironment>().WebRootPath));
        return builder;
    }
}
