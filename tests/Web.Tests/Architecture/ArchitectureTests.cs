using Mono.Cecil;
using NetArchTest.Rules;
using Nq45Consult.Consultation.Consultations.Opening;

namespace Nq45Consult.Web.Tests.Architecture;

/// <summary>
/// The shape of the code (docs/architecture.md), checked on the compiled assemblies: the domain knows nothing of
/// ASP.NET, capabilities depend on each other in one direction only, and the web layer translates — it neither
/// decides nor writes.
/// </summary>
public sealed class ArchitectureTests
{
    private static readonly System.Reflection.Assembly Domain = typeof(Decision).Assembly;
    private static readonly string WebAssembly = typeof(Program).Assembly.Location;

    [Fact]
    public void The_domain_never_references_ASP_NET_Core()
    {
        var result = Types.InAssembly(Domain).ShouldNot().HaveDependencyOnAny("Microsoft.AspNetCore", "Microsoft.Identity.Web").GetResult();

        Assert.True(result.IsSuccessful, "src/Consultation uses ASP.NET Core in: " + string.Join(", ", result.FailingTypeNames ?? []));
    }

    [Fact]
    public void Capabilities_depend_on_each_other_without_a_cycle()
    {
        var uses = CapabilityGraph.Of(Domain);

        Assert.Contains("Feedback", uses["Review"]); // the graph is read, not empty
        var cycle = CapabilityGraph.FindCycle(uses);
        Assert.True(cycle is null, cycle is null ? "" : Explain(cycle));
    }

    [Fact]
    public void The_cycle_finder_finds_a_cycle_and_only_a_cycle()
    {
        var acyclic = Graph(("Common", []), ("Consultations", ["Common"]), ("Feedback", ["Consultations", "Common"]), ("Review", ["Feedback", "Consultations"]));
        var cyclic = Graph(("Common", []), ("Consultations", ["Common", "Surveys"]), ("Surveys", ["Feedback"]), ("Feedback", ["Consultations"]));

        Assert.Null(CapabilityGraph.FindCycle(acyclic));
        Assert.Equal(["Consultations", "Surveys", "Feedback", "Consultations"], CapabilityGraph.FindCycle(cyclic));
    }

    [Fact]
    public void The_web_layer_never_calls_Decide()
    {
        var calls = MethodCalls.Find(WebAssembly, IsDecide);

        Assert.True(calls.Count == 0, "src/Web calls Decide (call a handler instead):\n" + string.Join("\n", calls));
    }

    [Fact]
    public void The_Decide_check_sees_a_call_from_a_lambda()
    {
        // This test assembly calls Decide below (inside a lambda): the same scan that passes on the web layer finds it.
        var calls = MethodCalls.Find(typeof(ArchitectureTests).Assembly.Location, IsDecide);

        Assert.Contains(calls, call => call.Contains("OpenConsultation.Decide", StringComparison.Ordinal));
    }

    [Fact]
    public void The_web_layer_never_opens_a_Marten_session_for_writing()
    {
        var opened = MethodCalls.Find(WebAssembly, called =>
            called.DeclaringType.FullName is "Marten.IDocumentStore" or "Marten.DocumentStore"
            && called.Name is "LightweightSession" or "IdentitySession" or "DirtyTrackedSession" or "OpenSession" or "BulkInsert" or "BulkInsertAsync");
        // A commit listener is handed the session that committed; it does not open one.
        var injected = MethodCalls.MembersOfType(WebAssembly, "Marten.IDocumentSession",
            type => MethodCalls.Implements(type, "Marten.IDocumentSessionListener"));

        Assert.True(opened.Count == 0, "src/Web opens a Marten session (call a handler instead):\n" + string.Join("\n", opened));
        Assert.True(injected.Count == 0, "src/Web takes a Marten write session (call a handler instead):\n" + string.Join("\n", injected));
    }

    private static bool IsDecide(MethodReference called) =>
        called.Name == "Decide" && called.DeclaringType.FullName.StartsWith(CapabilityGraph.Root + ".", StringComparison.Ordinal);

    private static string Explain(IReadOnlyList<string> cycle) =>
        "Capabilities in a cycle: " + string.Join(" → ", cycle) + "\n" + string.Join("\n", cycle.Zip(cycle.Skip(1),
            (from, to) => $"{from} → {to}: {string.Join(", ", CapabilityGraph.Dependents(Domain, from, to).Take(5))}"));

    private static Dictionary<string, IReadOnlySet<string>> Graph(params (string Capability, string[] Uses)[] edges) =>
        edges.ToDictionary(e => e.Capability, e => (IReadOnlySet<string>)e.Uses.ToHashSet());

    // Called by nothing: it exists so that The_Decide_check_sees_a_call_from_a_lambda has a call to find.
    internal static readonly Func<Decision> PlantedDecideCall = () =>
        OpenConsultation.Decide(null!, new(Guid.Empty, Caller.Of("architecture-test", "architecture test")), DateTimeOffset.UnixEpoch);
}
