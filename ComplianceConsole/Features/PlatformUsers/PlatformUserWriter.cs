using System.Data.Common;
using ComplianceConsole.Data;

namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>
/// Gathers a batch's new platform users with their ids taken up front (<see cref="IdSequence"/>) and writes them inside the caller's
/// transaction when flushed (<see cref="BulkTable"/>), before the rows that refer to them. A rename is an update of a stored row,
/// so whatever is gathered is written first.
/// </summary>
internal sealed class PlatformUserWriter
{
    private readonly DbConnection _connection;
    private readonly DbTransaction _transaction;
    private readonly IdSequence _ids;
    private readonly BulkTable _users = new("PlatformUsers", "Id", "ExternalId", "DisplayName", "Kind", "CreatedAtUtc");

    private PlatformUserWriter(DbConnection connection, DbTransaction transaction)
    {
        (_connection, _transaction) = (connection, transaction);
        _ids = new IdSequence(connection, transaction, _users.Name);
    }

    public static PlatformUserWriter Create(AppDbContext db)
    {
        var (connection, transaction) = PreparedCommands.InTransactionOf(db);
        return new PlatformUserWriter(connection, transaction);
    }

    /// <summary>How many new users the batch is about to gather, so their ids are taken in one round trip.</summary>
    public void ExpectNew(int count) => _ids.Expect(count);

    /// <summary>Gathers a new user; returns its id.</summary>
    public async Task<long> InsertAsync(PlatformUser user, CancellationToken cancellationToken)
    {
        var id = await _ids.NextAsync(cancellationToken);
        _users.Add(id, user.ExternalId, user.DisplayName, (int)user.Kind, user.CreatedAtUtc);
        return id;
    }

    public async Task RenameAsync(long id, string displayName, CancellationToken cancellationToken)
    {
        await FlushAsync(cancellationToken);
        await using var rename = PreparedCommands.Prepare(_connection, _transaction, """UPDATE "PlatformUsers" SET "DisplayName" = $d WHERE "Id" = $id""", "$d", "$id");
        await PreparedCommands.ExecuteAsync(rename, cancellationToken, displayName, id);
    }

    public Task FlushAsync(CancellationToken cancellationToken) => _users.WriteAsync(_connection, _transaction, cancellationToken);
}
