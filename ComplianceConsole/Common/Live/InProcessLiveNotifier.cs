using System.Collections.Concurrent;
using System.Collections.Immutable;
using System.Globalization;

namespace ComplianceConsole.Common.Live;

/// <summary>The notifier of a single app instance: subscribers in this process hear every message published in it.</summary>
internal sealed class InProcessLiveNotifier(ILogger<InProcessLiveNotifier> logger) : ILiveNotifier
{
    private readonly ConcurrentDictionary<Type, ImmutableList<Action<object>>> _handlers = new();

    public void Publish<TMessage>(TMessage message) where TMessage : notnull => Deliver(typeof(TMessage), message);

    /// <summary>The types someone in this process listens for, so a message from another instance is read only as one of them.</summary>
    internal Type? SubscribedType(string fullName) => _handlers.Keys.FirstOrDefault(t => t.FullName == fullName);

    internal void Deliver(Type type, object message)
    {
        if (!_handlers.TryGetValue(type, out var handlers)) return;
        foreach (var handler in handlers)
        {
            try
            {
                handler(message);
            }
            catch (Exception e)
            {
                // One page's failing handler must not keep the message from the others, nor fail the publisher.
                logger.LogWarning(e, "A subscriber to {Message} failed.", type.Name);
            }
        }
    }

    /// <summary>
    /// The handler runs in the culture its subscriber had when it subscribed, not the publisher's: a page re-rendered
    /// because of someone else's action stays in its own reader's language.
    /// </summary>
    public IDisposable Subscribe<TMessage>(Action<TMessage> handler) where TMessage : notnull
    {
        var (culture, uiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
        Action<object> untyped = message =>
        {
            var (publisherCulture, publisherUiCulture) = (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture);
            (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (culture, uiCulture);
            try
            {
                handler((TMessage)message);
            }
            finally
            {
                (CultureInfo.CurrentCulture, CultureInfo.CurrentUICulture) = (publisherCulture, publisherUiCulture);
            }
        };
        _handlers.AddOrUpdate(typeof(TMessage), _ => [untyped], (_, list) => list.Add(untyped));
        return new Subscription(() => _handlers.AddOrUpdate(typeof(TMessage), _ => [], (_, list) => list.Remove(untyped)));
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
