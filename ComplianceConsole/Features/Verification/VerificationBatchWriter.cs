using System.Data.Common;
using ComplianceConsole.Data;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Storage;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// Inserts a batch of new platform users, pending records and their first history entries with one prepared
/// command per table (<see cref="PreparedCommands"/>), re-bound for each row, inside the caller's transaction.
/// </summary>
internal sealed class VerificationBatchWriter : IAsyncDisposable
{
    private readonly DbCommand _user, _rename, _record, _history;

    private VerificationBatchWriter(DbCommand user, DbCommand rename, DbCommand record, DbCommand history) =>
        (_user, _rename, _record, _history) = (user, rename, record, history);

    public static VerificationBatchWriter Create(AppDbContext db)
    {
        var (connection, transaction) = PreparedCommands.InTransactionOf(db);
        DbCommand Command(string sql, params string[] parameters) => PreparedCommands.Prepare(connection, transaction, sql, parameters);
        return new VerificationBatchWriter(
            Command("""INSERT INTO "PlatformUsers" ("ExternalId", "DisplayName", "Kind", "CreatedAtUtc") VALUES ($e, $d, $k, $c) RETURNING "Id" """,
                "$e", "$d", "$k", "$c"),
            Command("""UPDATE "PlatformUsers" SET "DisplayName" = $d WHERE "Id" = $id""", "$d", "$id"),
            Command("""
                INSERT INTO "VerificationRecords" ("PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash", "IdentifierHashKey", "RealNameCipher",
                    "Status", "SubmittedAtUtc", "IsDuplicate", "SubmissionKey", "Version")
                VALUES ($u, $m, $ic, $ih, $ihk, $nc, $s, $at, $dup, $key, 0) RETURNING "Id"
                """, "$u", "$m", "$ic", "$ih", "$ihk", "$nc", "$s", "$at", "$dup", "$key"),
            Command("""INSERT INTO "VerificationHistory" ("VerificationRecordId", "AtUtc", "Actor", "ToStatus") VALUES ($r, $at, $a, $t)""",
                "$r", "$at", "$a", "$t"));
    }

    public async Task<long> InsertUserAsync(PlatformUser user, CancellationToken cancellationToken) =>
        (long)(await PreparedCommands.ExecuteAsync(_user, cancellationToken, user.ExternalId, user.DisplayName, (int)user.Kind, user.CreatedAtUtc))!;

    public Task RenameUserAsync(long id, string displayName, CancellationToken cancellationToken) => PreparedCommands.ExecuteAsync(_rename, cancellationToken, displayName, id);

    /// <summary>Inserts a record and its history entries; returns the record's id.</summary>
    public async Task<long> InsertRecordAsync(VerificationRecord record, CancellationToken cancellationToken)
    {
        var id = (long)(await PreparedCommands.ExecuteAsync(_record, cancellationToken, record.PlatformUserId, (int)record.Method, record.IdentifierCipher, record.IdentifierHash,
            record.IdentifierHashKey, record.RealNameCipher, (int)record.Status, record.SubmittedAtUtc, record.IsDuplicate, record.SubmissionKey))!;
        foreach (var entry in record.History)
        {
            await PreparedCommands.ExecuteAsync(_history, cancellationToken, id, entry.AtUtc, entry.Actor, (int)entry.ToStatus);
        }
        return id;
    }


    public async ValueTask DisposeAsync()
    {
        foreach (var command in new[] { _user, _rename, _record, _history }) await command.DisposeAsync();
    }
}
