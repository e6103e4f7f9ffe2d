namespace Nq45Consult.Consultation.OpinionMap.Analysis;

/// <summary>
/// A tiny seeded generator of our own: System.Random's seeded sequence is not promised to stay the same
/// across .NET versions, and the opinion map must not move when the runtime is upgraded.
/// </summary>
internal struct SplitMix64(ulong seed)
{
    private ulong state = seed;

    public double NextDouble() => (Next() >> 11) * (1.0 / (1UL << 53));

    private ulong Next()
    {
        var z = state += 0x9E3779B97F4A7C15UL;
        z = (z ^ (z >> 30)) * 0xBF58476D1CE4E5B9UL;
        z = (z ^ (z >> 27)) * 0x94D049BB133111EBUL;
        return z ^ (z >> 31);
    }
}
