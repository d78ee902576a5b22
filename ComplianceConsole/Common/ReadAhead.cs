using System.Runtime.CompilerServices;
using System.Threading.Channels;

namespace ComplianceConsole.Common;

public static class ReadAhead
{
    /// <summary>
    /// Enumerates <paramref name="source"/> on another thread, at most <paramref name="capacity"/> items ahead of the
    /// consumer, so that producing (an export reading and decrypting rows) and consuming (writing them) run on two cores.
    /// A failure of the source is rethrown to the consumer; a consumer that stops early stops the source.
    /// </summary>
    public static async IAsyncEnumerable<T> ReadAheadAsync<T>(this IAsyncEnumerable<T> source, int capacity,
        [EnumeratorCancellation] CancellationToken cancellationToken = default)
    {
        var channel = Channel.CreateBounded<T>(new BoundedChannelOptions(capacity) { SingleReader = true, SingleWriter = true });
        using var stop = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        var producer = Task.Run(async () =>
        {
            try
            {
                await foreach (var item in source.WithCancellation(stop.Token)) await channel.Writer.WriteAsync(item, stop.Token);
                channel.Writer.Complete();
            }
            catch (Exception failure)
            {
                channel.Writer.Complete(failure);
            }
        }, CancellationToken.None);
        try
        {
            await foreach (var item in channel.Reader.ReadAllAsync(cancellationToken)) yield return item;
        }
        finally
        {
            await stop.CancelAsync();
            await producer;
        }
    }
}
