using Microsoft.AspNetCore.Http.Connections;
using Microsoft.AspNetCore.SignalR.Client;

namespace Nq45Consult.Bench.DialogueLoad;

public static class Connections
{
    public static HubConnection To(Uri hub, Func<Task<string?>>? token = null) => new HubConnectionBuilder()
        .WithUrl(hub, o =>
        {
            o.Transports = HttpTransportType.WebSockets;
            o.SkipNegotiation = true;
            if (token is not null) o.AccessTokenProvider = token;
        })
        .Build();

    /// <summary>Runs <paramref name="work"/> for 0..count-1, at most <paramref name="parallel"/> at once.</summary>
    public static async Task<T[]> Batched<T>(int count, int parallel, Func<int, Task<T>> work)
    {
        var results = new T[count];
        await Parallel.ForEachAsync(Enumerable.Range(0, count), new ParallelOptions { MaxDegreeOfParallelism = parallel },
            async (i, _) => results[i] = await work(i));
        return results;
    }
}
