using Microsoft.Extensions.Options;

namespace Nq45Consult.Web.Shell;

/// <summary>Validates a settings class by its own list of problems, each naming the key at fault.</summary>
public sealed class ProblemsValidation<T>(Func<T, IEnumerable<string>> problems) : IValidateOptions<T> where T : class
{
    public ValidateOptionsResult Validate(string? name, T options) =>
        problems(options).ToList() is { Count: > 0 } found ? ValidateOptionsResult.Fail(found) : ValidateOptionsResult.Success;
}
