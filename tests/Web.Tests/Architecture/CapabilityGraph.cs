using System.Reflection;
using NetArchTest.Rules;

namespace Nq45Consult.Web.Tests.Architecture;

/// <summary>
/// Which capability of src/Consultation (a namespace <c>Nq45Consult.Consultation.&lt;Capability&gt;</c>) uses which,
/// read from the compiled types (fields, signatures, method bodies) by NetArchTest.
/// </summary>
public static class CapabilityGraph
{
    public const string Root = "Nq45Consult.Consultation";

    public static IReadOnlyDictionary<string, IReadOnlySet<string>> Of(Assembly assembly)
    {
        var capabilities = assembly.GetTypes()
            .Select(type => type.Namespace ?? "")
            .Where(ns => ns.StartsWith(Root + ".", StringComparison.Ordinal))
            .Select(ns => ns[(Root.Length + 1)..].Split('.')[0])
            .Distinct(StringComparer.Ordinal)
            .Order(StringComparer.Ordinal)
            .ToList();
        return capabilities.ToDictionary(
            capability => capability,
            capability => (IReadOnlySet<string>)capabilities
                .Where(other => other != capability && Uses(assembly, capability, other))
                .ToHashSet(StringComparer.Ordinal));
    }

    /// <summary>A cycle as the capabilities along it (the first repeated at the end), or null when there is none.</summary>
    public static IReadOnlyList<string>? FindCycle(IReadOnlyDictionary<string, IReadOnlySet<string>> uses)
    {
        var state = new Dictionary<string, bool>(StringComparer.Ordinal); // false: on the path; true: done
        var path = new List<string>();
        foreach (var start in uses.Keys.Order(StringComparer.Ordinal))
            if (Visit(start) is { } cycle) return cycle;
        return null;

        IReadOnlyList<string>? Visit(string node)
        {
            if (state.TryGetValue(node, out var done))
                return done ? null : [.. path.SkipWhile(n => n != node), node];
            state[node] = false;
            path.Add(node);
            foreach (var next in uses.GetValueOrDefault(node, new HashSet<string>()).Order(StringComparer.Ordinal))
                if (Visit(next) is { } cycle) return cycle;
            path.RemoveAt(path.Count - 1);
            state[node] = true;
            return null;
        }
    }

    /// <summary>The types of <paramref name="from"/> that depend on <paramref name="to"/>.</summary>
    public static IReadOnlyList<string> Dependents(Assembly assembly, string from, string to) =>
        Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{from}")
            .And().HaveDependencyOn($"{Root}.{to}")
            .GetTypes().Select(type => type.FullName ?? type.Name).ToList();

    private static bool Uses(Assembly assembly, string from, string to) =>
        !Types.InAssembly(assembly).That().ResideInNamespace($"{Root}.{from}")
            .ShouldNot().HaveDependencyOn($"{Root}.{to}")
            .GetResult().IsSuccessful;
}
