using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace Nq45Consult.Web.Tests.Infrastructure;

/// <summary>A logger provider keeping every message of Information and above, for tests that check what the app logs.</summary>
public sealed class KeptLogs : ILoggerProvider, ILogger
{
    public ConcurrentQueue<(LogLevel Level, string Message)> Logged { get; } = new();

    public ILogger CreateLogger(string categoryName) => this;
    public void Dispose() { }
    public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;
    public bool IsEnabled(LogLevel logLevel) => logLevel >= LogLevel.Information;

    public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter) =>
        Logged.Enqueue((logLevel, formatter(state, exception)));
}
