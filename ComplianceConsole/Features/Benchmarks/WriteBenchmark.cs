using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.DemoData;
using Microsoft.Data.Sqlite;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Write throughput in one run: API submissions over HTTP in batches of 1,000, and, as the yardstick, raw SQLite
/// inserts of rows of the same width into the same table (same indexes), one prepared statement, 1,000 a transaction.
/// </summary>
internal sealed class WriteBenchmark(IDbContextFactory<AppDbContext> contexts, int items)
{
    public const int Batch = 1_000;

    public async Task<double> RawInsertsPerSecondAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var userId = await db.PlatformUsers.Select(u => u.Id).FirstAsync();
        await using var connection = new SqliteConnection(db.Database.GetConnectionString());
        await connection.OpenAsync();
        await using (var pragmas = connection.CreateCommand())
        {
            pragmas.CommandText = SqlitePragmaInterceptor.Pragmas; // the app's own connection settings
            await pragmas.ExecuteNonQueryAsync();
        }
        var stopwatch = new Stopwatch();
        for (var done = 0; done < items; done += Batch)
        {
            // Rolled back: the yardstick leaves no rows behind.
            await using var transaction = connection.BeginTransaction();
            await using var insert = connection.CreateCommand();
            insert.Transaction = transaction;
            insert.CommandText = """
                INSERT INTO "VerificationRecords" ("PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash", "IdentifierHashKey", "RealNameCipher", "Status",
                    "SubmittedAtUtc", "IsDuplicate", "SubmissionKey", "Version") VALUES ($u, 2, $ic, $ih, $ihk, $nc, 1, $at, 0, $key, 0) RETURNING "Id"
                """;
            var parameters = new[] { "$u", "$ic", "$ih", "$ihk", "$nc", "$at", "$key" }.Select(name => insert.Parameters.Add(new SqliteParameter { ParameterName = name })).ToArray();
            insert.Prepare();
            stopwatch.Start();
            for (var i = 0; i < Batch; i++)
            {
                parameters[0].Value = userId;
                parameters[1].Value = RandomNumberGenerator.GetBytes(47);
                var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                parameters[2].Value = hash;
                parameters[3].Value = Verification.VerificationHashes.KeyOf(hash);
                parameters[4].Value = RandomNumberGenerator.GetBytes(35);
                parameters[5].Value = DateTime.UtcNow;
                parameters[6].Value = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                await insert.ExecuteScalarAsync();
            }
            stopwatch.Stop();
            await transaction.RollbackAsync();
        }
        return items / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// New platform users with valid identities, posted as the platform would, batch after batch, by
    /// <paramref name="concurrent"/> clients at once.
    /// </summary>
    public async Task<double> ApiItemsPerSecondAsync(HttpClient client, int concurrent)
    {
        var identities = new SyntheticIdentities(Environment.TickCount);
        var run = $"api{DateTime.UtcNow.Ticks}-c{concurrent}";
        var bodies = Enumerable.Range(0, items / Batch).Select(b => JsonSerializer.SerializeToUtf8Bytes(new SubmitVerificationsRequest(Enumerable.Range(0, Batch).Select(i =>
        {
            var id = i % 2 == 0;
            return new VerificationSubmissionDto($"{run}-{b}-{i}", null, null, id ? "ResidentIdCard" : "MobileNumber",
                id ? identities.ResidentId() : identities.Mobile(), identities.PersonName(), DateTimeOffset.UtcNow.AddMinutes(-i));
        }).ToList()), JsonSerializerOptions.Web)).ToList();
        var (elapsed, created) = await BenchmarkHost.PostAllAsync(client, "api/v1/verifications", bodies, concurrent, answer => answer.GetProperty("created").GetInt32());
        if (created != bodies.Count * Batch) throw new InvalidOperationException($"Only {created:N0} of {bodies.Count * Batch:N0} benchmark submissions were created.");
        return created / elapsed.TotalSeconds;
    }

    public static string Ratio(double rate, double raw) => string.Create(CultureInfo.InvariantCulture, $"1:{raw / rate:F1}");
}
