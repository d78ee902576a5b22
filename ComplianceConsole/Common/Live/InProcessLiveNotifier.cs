using System.Collections.Concurrent;
using System.Collections.Immutable;

namespace ComplianceConsole.Common.Live;

/// <summary>The notifier of a single app instance: subscribers in this process hear every message published in it.</summary>
internal sealed class InProcessLiveNotifier(ILogger<InProcessLiveNotifier> logger) : ILiveNotifier
{
    private readonly ConcurrentDictionary<Type, ImmutableList<Delegate>> _handlers = new();

    public void Publish<TMessage>(TMessage message) where TMessage : notnull
    {
        if (!_handlers.TryGetValue(typeof(TMessage), out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                ((Action<TMessage>)handler)(message);
            }
            catch (Exception e)
            {
                // One page's failing handler must not keep the message from the others, nor fail the publisher.
                logger.LogWarning(e, "A subscriber to {Message} failed.", typeof(TMessage).Name);
            }
        }
    }

    public IDisposable Subscribe<TMessage>(Action<TMessage> handler) where TMessage : notnull
    {
        _handlers.AddOrUpdate(typeof(TMessage), _ => [handler], (_, list) => list.Add(handler));
        return new Subscription(() => _handlers.AddOrUpdate(typeof(TMessage), _ => [], (_, list) => list.Remove(handler)));
    }

    private sealed class Subscription(Action unsubscribe) : IDisposable
    {
        private int _disposed;

        public void Dispose()
        {
            if (Interlocked.Exchange(ref _disposed, 1) == 0) unsubscribe();
        }
    }
}
