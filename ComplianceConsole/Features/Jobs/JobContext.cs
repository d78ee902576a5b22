using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Jobs;

/// <summary>
/// What a running job's handler is given besides its input: who asked (for the audit log), how to report progress
/// (which is also when a cancel request is noticed), its folder for result files and its input file.
/// </summary>
public sealed class JobContext : IDisposable
{
    private readonly IDbContextFactory<AppDbContext> _contextFactory;
    private readonly DatabaseWriteGate _writers;
    private readonly ILiveNotifier _notifier;
    private readonly JobStorage _storage;
    private readonly CancellationTokenSource _cancellation;
    private readonly string? _ownerId;
    private long? _lastWrittenAt;

    private static readonly TimeSpan CountInterval = TimeSpan.FromSeconds(1);

    /// <summary>The count last reported but not yet written, if any.</summary>
    internal int? UnwrittenDone { get; private set; }

    internal JobContext(long jobId, string? ownerId, AuditActor requester, IDbContextFactory<AppDbContext> contextFactory, DatabaseWriteGate writers,
        ILiveNotifier notifier, JobStorage storage, CancellationToken hostStopping)
    {
        JobId = jobId;
        Requester = requester;
        _ownerId = ownerId;
        _contextFactory = contextFactory;
        _writers = writers;
        _notifier = notifier;
        _storage = storage;
        _cancellation = CancellationTokenSource.CreateLinkedTokenSource(hostStopping);
        HostStopping = hostStopping;
    }

    public long JobId { get; }

    /// <summary>The person who asked for the job, as the audit log names them.</summary>
    public AuditActor Requester { get; }

    /// <summary>Cancelled when the person cancels the job or the app stops: stop before the next batch.</summary>
    public CancellationToken Cancellation => _cancellation.Token;

    internal CancellationToken HostStopping { get; }

    internal bool CancelledByPerson => _cancellation.IsCancellationRequested && !HostStopping.IsCancellationRequested;

    /// <summary>The file the job was queued with (an encrypted upload), if any.</summary>
    public string InputFile => _storage.InputOf(JobId);

    /// <summary>
    /// Records how far the job got and notices a cancel request; call it between batches. A count alone is written at most
    /// once a second (the first at once): each write is a commit of its own. The last count held back is written when the job
    /// ends (<see cref="UnwrittenDone"/>).
    /// </summary>
    public async Task ReportAsync(int done, int? total = null, string? phase = null)
    {
        if (total is null && phase is null && _lastWrittenAt is { } last && Environment.TickCount64 - last < (long)CountInterval.TotalMilliseconds)
        {
            UnwrittenDone = done;
            return;
        }
        _lastWrittenAt = Environment.TickCount64;
        UnwrittenDone = null;
        await using var db = await _contextFactory.CreateDbContextAsync(CancellationToken.None);
        var query = db.JobRecords.Where(j => j.Id == JobId);
        // In turn with the batches' writers, on their connection: a write on another would empty its page cache.
        await using (var transaction = await _writers.BeginUnauditedAsync(db, CancellationToken.None))
        {
            if (total is { } newTotal)
                await query.ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Total, newTotal).SetProperty(j => j.Phase, phase));
            else
                await query.ExecuteUpdateAsync(s => s.SetProperty(j => j.Done, done).SetProperty(j => j.Phase, phase));
            await transaction.CommitAsync(CancellationToken.None);
        }
        if (await query.AnyAsync(j => j.CancelRequested)) await _cancellation.CancelAsync();
        _notifier.Publish(new JobChanged(JobId, _ownerId, JobStatus.Running));
    }

    /// <summary>Creates (or replaces) a result file in the job's folder, readable by the app's own account only.</summary>
    public FileStream CreateFile(string name)
    {
        var path = _storage.ResultFileOf(JobId, name) ?? throw new ArgumentException($"'{name}' is not a plain file name.", nameof(name));
        _storage.CreateFolderOf(JobId);
        return Security.Pii.EncryptedFiles.CreateOwnerOnly(path, FileMode.Create);
    }

    /// <summary>A written result file as the Jobs page lists it.</summary>
    public JobFile DescribeFile(string name, string labelKey) => new(name, labelKey, new FileInfo(_storage.ResultFileOf(JobId, name)!).Length);

    public void Dispose() => _cancellation.Dispose();
}
