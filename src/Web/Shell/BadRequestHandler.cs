using System.Globalization;
using System.Text.Json;
using System.Text.RegularExpressions;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.AspNetCore.Localization;
using Microsoft.AspNetCore.Mvc;
using Microsoft.Extensions.Localization;
using Nq45Consult.Web.Resources;

namespace Nq45Consult.Web.Shell;

/// <summary>
/// Answers a request the framework could not bind (a body that is not JSON, a field of the wrong type, a wrong
/// content type, a body over its limit) with the status the framework chose and a ProblemDetails naming the field,
/// instead of the 500 every other exception gets. Minimal APIs throw <see cref="BadHttpRequestException"/> for
/// these in every environment (<see cref="ShellSetup"/> sets <c>ThrowOnBadRequest</c>), so that the JSON path
/// of the fault reaches this handler rather than being logged and answered with an empty 400.
/// </summary>
public sealed partial class BadRequestHandler(IProblemDetailsService problems, IStringLocalizer<SharedResource> texts) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext http, Exception exception, CancellationToken cancellation)
    {
        if (exception is not BadHttpRequestException bad) return false;
        // The exception handler runs outside the localization middleware, whose culture did not flow back out with the exception.
        if (http.Features.Get<IRequestCultureFeature>() is { } culture) CultureInfo.CurrentUICulture = culture.RequestCulture.UICulture;
        var status = bad.StatusCode;
        var problem = status == StatusCodes.Status400BadRequest
            ? new ValidationProblemDetails(Errors(bad)) { Title = texts["BadRequestTitle"] }
            : new ProblemDetails
            {
                Title = texts[status switch
                {
                    StatusCodes.Status415UnsupportedMediaType => "UnsupportedMediaTypeTitle",
                    StatusCodes.Status413PayloadTooLarge => "RequestTooLargeTitle",
                    _ => "BadRequestTitle",
                }],
            };
        problem.Status = status;
        http.Response.StatusCode = status;
        return await problems.TryWriteAsync(new ProblemDetailsContext { HttpContext = http, ProblemDetails = problem });
    }

    /// <summary>
    /// The field at fault, keyed as the domain's validation keys it (<c>quote</c>, <c>references[0].url</c>):
    /// the JSON path without its <c>$.</c>, <c>$</c> when the body as a whole is not JSON of the expected shape,
    /// else the route, query or header parameter the framework names.
    /// </summary>
    private Dictionary<string, string[]> Errors(BadHttpRequestException bad)
    {
        if (bad.InnerException is JsonException json)
        {
            var path = json.Path is null or "$" ? "$" : json.Path.StartsWith("$.", StringComparison.Ordinal) ? json.Path[2..] : json.Path;
            return new() { [path] = [texts["BadJsonValue", (json.LineNumber ?? 0) + 1, (json.BytePositionInLine ?? 0) + 1]] };
        }
        var parameter = Parameter().Match(bad.Message);
        if (!parameter.Success || bad.Message.Contains(" body", StringComparison.Ordinal))
            return new() { ["$"] = [texts["BadJsonBody"]] };
        return new() { [parameter.Groups["name"].Value] = [texts["BadParameterValue"]] };
    }

    // The framework's messages name the parameter as "Type name" in quotes: 'Failed to bind parameter "Guid id" from "x".'
    [GeneratedRegex(@"parameter ""(?:[^""]* )?(?<name>[^"" ]+)""", RegexOptions.CultureInvariant)]
    private static partial Regex Parameter();
}
