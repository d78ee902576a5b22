using System.Security.Cryptography;
using ComplianceConsole.Features.Verification;
using Microsoft.Data.Sqlite;

namespace ComplianceConsole.Tests.Verification;

public class VerificationHashesTests
{
    [Fact]
    public void The_hash_key_the_migration_computes_in_SQL_is_the_one_the_app_computes()
    {
        using var connection = new SqliteConnection("Data Source=:memory:");
        connection.Open();
        using var command = connection.CreateCommand();
        command.CommandText = $"SELECT {VerificationHashes.KeySql("$hash")}";
        var parameter = command.Parameters.Add(new SqliteParameter("$hash", ""));
        var hashes = Enumerable.Range(0, 200).Select(_ => Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)))
            .Append(new string('f', 64)).Append(new string('0', 64));
        foreach (var hash in hashes)
        {
            parameter.Value = hash;
            Assert.Equal(VerificationHashes.KeyOf(hash), (long)command.ExecuteScalar()!);
        }
    }

    [Fact]
    public void Setting_a_records_hash_sets_its_key_and_keys_never_go_negative()
    {
        var record = new VerificationRecord { IdentifierHash = new string('f', 64) };
        Assert.Equal(0x0fff_ffff_ffff_ffffL, record.IdentifierHashKey);
        record.IdentifierHash = "0000000000000a" + new string('9', 50);
        Assert.Equal(0xa9L, record.IdentifierHashKey);
    }
}
