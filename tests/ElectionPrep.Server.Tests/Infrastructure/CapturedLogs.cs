using System.Collections.Concurrent;
using Microsoft.Extensions.Logging;

namespace ElectionPrep.Infrastructure;

/// <summary>
/// Every line the server logs while it is attached, as text: the formatted message and the whole exception (its
/// ToString, inner exceptions and all), at every level the server emits. Attached to the shared host's logger factory;
/// disposing it stops the capture (a logger factory cannot drop a provider).
/// </summary>
public sealed class CapturedLogs : ILoggerProvider
{
    private readonly ConcurrentQueue<string> lines = new();
    private volatile bool capturing = true;

    public static CapturedLogs AttachTo(ILoggerFactory factory)
    {
        var captured = new CapturedLogs();
        factory.AddProvider(captured);
        return captured;
    }

    public string Text => string.Join('\n', lines);

    public ILogger CreateLogger(string categoryName) => new Capture(this, categoryName);

    public void Dispose() => capturing = false;

    private sealed class Capture(CapturedLogs owner, string category) : ILogger
    {
        public IDisposable? BeginScope<TState>(TState state) where TState : notnull => null;

        public bool IsEnabled(LogLevel logLevel) => owner.capturing;

        public void Log<TState>(LogLevel logLevel, EventId eventId, TState state, Exception? exception, Func<TState, Exception?, string> formatter)
        {
            if (owner.capturing) owner.lines.Enqueue($"{logLevel} {category}: {formatter(state, exception)}\n{exception}");
        }
    }
}
