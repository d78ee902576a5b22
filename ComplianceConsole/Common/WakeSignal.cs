using System.Threading.Channels;

namespace ComplianceConsole.Common;

/// <summary>
/// Wakes a background keeper when a writer has left it work: any number of <see cref="Set"/> calls before the keeper looks count as
/// one, and <see cref="Set"/> never waits.
/// </summary>
public sealed class WakeSignal
{
    private readonly Channel<bool> _set = Channel.CreateBounded<bool>(new BoundedChannelOptions(1) { FullMode = BoundedChannelFullMode.DropWrite });

    public void Set() => _set.Writer.TryWrite(true);

    /// <summary>Until the signal is set (true, and it is reset), or <paramref name="timeout"/> passed (false).</summary>
    public async Task<bool> WaitAsync(TimeSpan timeout, CancellationToken cancellationToken)
    {
        using var waited = CancellationTokenSource.CreateLinkedTokenSource(cancellationToken);
        waited.CancelAfter(timeout);
        try
        {
            return await _set.Reader.ReadAsync(waited.Token);
        }
        catch (OperationCanceledException) when (!cancellationToken.IsCancellationRequested)
        {
            return false;
        }
    }
}
