namespace Nq45Consult.Web.Dialogue;

/// <summary>A sliding one-minute window of one connection's actions of one kind.</summary>
public sealed class ConnectionRateLimit(int perMinute)
{
    private readonly Queue<DateTimeOffset> recent = new();

    public bool TryTake(DateTimeOffset now)
    {
        lock (recent)
        {
            while (recent.Count > 0 && now - recent.Peek() >= TimeSpan.FromMinutes(1)) recent.Dequeue();
            if (recent.Count >= perMinute) return false;
            recent.Enqueue(now);
            return true;
        }
    }
}
