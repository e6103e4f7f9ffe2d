using Marten;
using Marten.Exceptions;
using Nq45Consult.Consultation.Experts;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators.Defaults;

/// <summary>
/// The seed plan's 2030 targets (section II), from <see cref="ExpertsOptions.Targets"/>, as the indicators every installation
/// starts with. Each has an id derived from its key, so it is defined once whichever node starts first, and an admin
/// who retires or changes one is never overruled by the next start.
/// </summary>
public sealed record DefineDefaultIndicators(ExpertTargets Targets, DateOnly Deadline)
{
    public const string DefinedBy = "system";

    public static Guid IdOf(string key) => DerivedIds.Of($"indicator\n{key}");

    /// <summary>Profiles with a university degree or higher: every degree but "other".</summary>
    public static IReadOnlyList<RegistryFilter> Graduates =>
        [.. Enum.GetValues<Degree>().Where(d => d != Degree.Other).Select(d => new RegistryFilter(Degree: d))];

    public IReadOnlyList<(string Key, IndicatorSpec Spec)> Defaults =>
    [
        ("university-graduates", new IndicatorSpec("Người có trình độ đại học trở lên", "People with a university degree or higher",
            IndicatorMeasure.Count, Graduates, [], Targets.UniversityGraduates, Deadline)),
        ("doctorate-share", new IndicatorSpec("Tỷ lệ tiến sĩ và tương đương", "Share of doctorates (TS, TSKH)",
            IndicatorMeasure.Share, [new RegistryFilter(Degree: Degree.Ts), new RegistryFilter(Degree: Degree.Tskh)], Graduates, Targets.DoctorateSharePercent, Deadline)),
        ("master-share", new IndicatorSpec("Tỷ lệ thạc sĩ", "Share of master's degrees (ThS)",
            IndicatorMeasure.Share, [new RegistryFilter(Degree: Degree.Ths)], Graduates, Targets.MasterSharePercent, Deadline)),
        // The registry holds people, not enterprises: an admin records this figure from the Department of Science and Technology.
        ("science-enterprises", new IndicatorSpec("Doanh nghiệp khoa học và công nghệ", "Science and technology enterprises",
            IndicatorMeasure.Manual, [], [], Targets.ScienceEnterprises, Deadline)),
    ];

    /// <summary>One <see cref="IndicatorDefined"/> per default whose id no stream has yet.</summary>
    public static Decision Decide(DefineDefaultIndicators command, IReadOnlySet<Guid> existing, DateTimeOffset now) =>
        // A millisecond apart, so that they list in the plan's order.
        Decision.Accept([.. command.Defaults.Select((d, i) => new IndicatorDefined(IdOf(d.Key), d.Spec, now.AddMilliseconds(i), DefinedBy))
            .Where(d => !existing.Contains(d.IndicatorId))]);
}

public sealed class DefineDefaultIndicatorsHandler(IDocumentStore store, TimeProvider time)
{
    public async Task<Decision> Handle(DefineDefaultIndicators command, CancellationToken cancellation)
    {
        await using var session = store.LightweightSession();
        var ids = command.Defaults.Select(d => DefineDefaultIndicators.IdOf(d.Key)).ToArray();
        var existing = (await session.LoadManyAsync<Indicator>(cancellation, ids)).Select(i => i.Id).ToHashSet();
        var decision = DefineDefaultIndicators.Decide(command, existing, time.GetUtcNow());
        foreach (var defined in decision.Events.OfType<IndicatorDefined>()) session.Events.StartStream<Indicator>(defined.IndicatorId, defined);
        if (decision.Events.Count == 0) return decision;
        try
        {
            await session.SaveChangesAsync(cancellation);
        }
        catch (ExistingStreamIdCollisionException)
        {
            // Another node defined them at the same start.
            return Decision.Nothing;
        }
        return decision;
    }
}
