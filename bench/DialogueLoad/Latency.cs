namespace Nq45Consult.Bench.DialogueLoad;

public sealed record Latency(double P50, double P99, int Deliveries, TimeSpan Connect)
{
    public static Latency Of(IReadOnlyCollection<double> ms, TimeSpan connect = default)
    {
        var sorted = ms.Order().ToArray();
        double At(double q) => sorted.Length == 0 ? double.NaN : sorted[Math.Min(sorted.Length - 1, (int)(q * sorted.Length))];
        return new(At(0.5), At(0.99), sorted.Length, connect);
    }
}
