using System.Data.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// Gathers a batch's pending records and their first history entries, with the records' ids taken up front
/// (<see cref="IdSequence"/>), and writes them table by table inside the caller's transaction when flushed
/// (<see cref="BulkTable"/>: one prepared insert re-bound per row on SQLite, binary COPY on PostgreSQL, where a statement
/// a row was a round trip a row). Their platform users are written before them (<see cref="PlatformUserBatch"/>); their
/// <see cref="VerificationDayCounts"/> go with the context's next save.
/// </summary>
internal sealed class VerificationBatchWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IdSequence _recordIds;
    private readonly DayCountChanges _counts;
    private readonly BulkTable _records = new("VerificationRecords", "Id", "PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash",
        "IdentifierHashKey", "RealNameCipher", "Status", "SubmittedAtUtc", "IsDuplicate", "SubmissionKey", "Version");
    private readonly BulkTable _history = new("VerificationHistory", "VerificationRecordId", "AtUtc", "Actor", "ToStatus");

    private VerificationBatchWriter(DbConnection connection, DbTransaction transaction, DayCountChanges counts)
    {
        (_connection, _transaction, _counts) = (connection, transaction, counts);
        _recordIds = new IdSequence(connection, transaction, _records.Name);
    }

    public static VerificationBatchWriter Create(AppDbContext db)
    {
        var (connection, transaction) = PreparedCommands.InTransactionOf(db);
        return new VerificationBatchWriter(connection, transaction, db.DayCountChanges);
    }

    /// <summary>How many new records the batch is about to gather, so their ids are taken in one round trip.</summary>
    public void ExpectNew(int records) => _recordIds.Expect(records);

    /// <summary>Gathers a record and its history entries; returns the record's id.</summary>
    public async Task<long> InsertRecordAsync(VerificationRecord record, CancellationToken cancellationToken)
    {
        var id = await _recordIds.NextAsync(cancellationToken);
        _records.Add(id, record.PlatformUserId, (int)record.Method, record.IdentifierCipher, record.IdentifierHash, record.IdentifierHashKey,
            record.RealNameCipher, (int)record.Status, record.SubmittedAtUtc, record.IsDuplicate, record.SubmissionKey, 0);
        foreach (var entry in record.History) _history.Add(id, entry.AtUtc, entry.Actor, (int)entry.ToStatus);
        VerificationDayCounts.Add(_counts, record);
        return id;
    }

    /// <summary>Writes everything gathered so far, parents first.</summary>
    public async Task FlushAsync(CancellationToken cancellationToken)
    {
        foreach (var table in new[] { _records, _history }) await table.WriteAsync(_connection, _transaction, cancellationToken);
    }
}
