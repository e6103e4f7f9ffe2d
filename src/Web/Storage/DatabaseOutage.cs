using System.Net.Sockets;
using Npgsql;

namespace Nq45Consult.Web.Storage;

/// <summary>
/// Tells an exception that means "the database cannot be reached right now" (server stopped, restarting, refusing
/// connections, connection lost or pool exhausted) from one that is a fault of the request or of the code. Only the
/// former is answered 503: the caller may try again, and nothing of the failed request was committed.
/// </summary>
public static class DatabaseOutage
{
    /// <summary>Sent as <c>Retry-After</c>: a restarting server is usually back within seconds.</summary>
    public static readonly TimeSpan RetryAfter = TimeSpan.FromSeconds(5);

    // 08: connection exceptions; 57P01-57P03: admin shutdown, crash shutdown, cannot connect now (starting up or
    // shutting down); 53300: too many connections.
    private static readonly string[] UnavailableStates = ["57P01", "57P02", "57P03", "53300"];

    /// <summary>Whether <paramref name="exception"/>, or one it wraps (Marten wraps Npgsql's), is a database outage.</summary>
    public static bool IsCause(Exception? exception)
    {
        for (var depth = 0; exception is not null && depth < 16; depth++)
        {
            switch (exception)
            {
                case PostgresException postgres:
                    return postgres.SqlState.StartsWith("08", StringComparison.Ordinal) || UnavailableStates.Contains(postgres.SqlState);
                // Not a server error: the connection failed or broke (socket, I/O, time-out, exhausted pool).
                case NpgsqlException npgsql when npgsql.IsTransient:
                    return true;
                case SocketException:
                    return true;
                case AggregateException { InnerExceptions.Count: 1 } aggregate:
                    exception = aggregate.InnerExceptions[0];
                    continue;
            }
            exception = exception.InnerException;
        }
        return false;
    }
}
