using Marten;
using Nq45Consult.Consultation.Experts.Profiles;
using Nq45Consult.Consultation.Experts.Registry;

namespace Nq45Consult.Consultation.Indicators.Snapshots;

/// <summary>The registry's figures for a set of indicators: each filter is the registry's own query (<see cref="RegistrySearch"/>).</summary>
internal static class RegistryMeasurement
{
    public static async Task<(IReadOnlyDictionary<Guid, double?> Values, int RegistrySize)> Measure(
        IQuerySession session, IReadOnlyList<Indicator> indicators, CancellationToken cancellation)
    {
        // Indicators share filters (the graduates are the base of both shares): each distinct filter is queried once.
        var matched = new Dictionary<RegistryFilter, HashSet<Guid>>();
        async Task<HashSet<Guid>> Matching(IReadOnlyList<RegistryFilter> filters)
        {
            var union = new HashSet<Guid>();
            foreach (var filter in filters)
            {
                if (!matched.TryGetValue(filter, out var ids))
                    matched[filter] = ids = [.. await RegistrySearch.Matching(session, filter).Select(x => x.Id).ToListAsync(cancellation)];
                union.UnionWith(ids);
            }
            return union;
        }

        var values = new Dictionary<Guid, double?>();
        foreach (var indicator in indicators)
        {
            var spec = indicator.Spec;
            values[indicator.Id] = spec.Measure switch
            {
                IndicatorMeasure.Count => (await Matching(spec.Filters)).Count,
                IndicatorMeasure.Share => Share(await Matching(spec.Filters), await Matching(spec.Base)),
                _ => indicator.Figure,
            };
        }
        return (values, await session.Query<ExpertProfile>().CountAsync(cancellation));
    }

    /// <summary>Percent of the base that also matches, to two decimals; null for an empty base.</summary>
    private static double? Share(HashSet<Guid> part, HashSet<Guid> whole) =>
        whole.Count == 0 ? null : Math.Round(100.0 * whole.Count(part.Contains) / whole.Count, 2);
}
