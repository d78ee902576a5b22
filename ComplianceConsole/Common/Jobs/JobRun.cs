namespace ComplianceConsole.Common.Jobs;

/// <summary>
/// One long piece of work a person started (a bulk action, an import): how far it is, and a way to cancel it.
/// The work runs off the UI's render path; <see cref="Changed"/> tells the page to redraw its progress.
/// </summary>
public sealed class JobRun : IDisposable
{
    private CancellationTokenSource? _cancellation;

    public int Done { get; private set; }
    public int Total { get; private set; }
    public bool IsRunning { get; private set; }

    public event Action? Changed;

    public double Percent => Total == 0 ? 0 : Math.Min(100, 100.0 * Done / Total);

    public async Task<T> RunAsync<T>(int total, Func<IProgress<int>, CancellationToken, Task<T>> work)
    {
        if (IsRunning) throw new InvalidOperationException("This job is already running.");
        _cancellation = new CancellationTokenSource();
        (Done, Total, IsRunning) = (0, total, true);
        Changed?.Invoke();
        try
        {
            var progress = new Progress<int>(done => { Done = done; Changed?.Invoke(); });
            return await Task.Run(() => work(progress, _cancellation.Token));
        }
        finally
        {
            IsRunning = false;
            Changed?.Invoke();
        }
    }

    public void Cancel() => _cancellation?.Cancel();

    public void Dispose()
    {
        _cancellation?.Cancel();
        _cancellation?.Dispose();
    }
}
