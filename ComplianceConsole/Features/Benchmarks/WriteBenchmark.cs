using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.DemoData;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Write throughput in one run: API submissions over HTTP in batches of 1,000, and, as the yardstick, raw inserts of rows
/// of the same width into the same table (same indexes), one prepared statement (<see cref="PreparedCommands"/>), 1,000 a transaction.
/// </summary>
internal sealed class WriteBenchmark(IDbContextFactory<AppDbContext> contexts, int items)
{
    public const int Batch = 1_000;

    public async Task<double> RawInsertsPerSecondAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var userId = await db.PlatformUsers.Select(u => u.Id).FirstAsync();
        await db.Database.OpenConnectionAsync(); // with the app's own connection settings (SQLite's pragmas)
        var connection = db.Database.GetDbConnection();
        var stopwatch = new Stopwatch();
        for (var done = 0; done < items; done += Batch)
        {
            // Rolled back: the yardstick leaves no rows behind.
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = PreparedCommands.Prepare(connection, transaction, """
                INSERT INTO "VerificationRecords" ("PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash", "IdentifierHashKey", "RealNameCipher", "Status",
                    "SubmittedAtUtc", "IsDuplicate", "SubmissionKey", "Version") VALUES ($u, 2, $ic, $ih, $ihk, $nc, 1, $at, FALSE, $key, 0) RETURNING "Id"
                """, "$u", "$ic", "$ih", "$ihk", "$nc", "$at", "$key");
            stopwatch.Start();
            for (var i = 0; i < Batch; i++)
            {
                var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                await PreparedCommands.ExecuteAsync(insert, CancellationToken.None, userId, RandomNumberGenerator.GetBytes(47), hash, Verification.VerificationHashes.KeyOf(hash),
                    RandomNumberGenerator.GetBytes(35), DateTime.UtcNow, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)));
            }
            stopwatch.Stop();
            await transaction.RollbackAsync();
        }
        return items / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// New platform users with valid identities, posted as the platform would, batch after batch, by
    /// <paramref name="concurrent"/> clients at once: each batch what its users submitted in the second before it was sent.
    /// (Until 2026-11-25 the items of a batch were spread over the 1,000 minutes before it, which is no platform's pattern
    /// and put every batch's rows in the middle of the records' time indexes; docs/benchmarks.md has both.)
    /// </summary>
    public async Task<double> ApiItemsPerSecondAsync(HttpClient client, int concurrent)
    {
        var identities = new SyntheticIdentities(Environment.TickCount);
        var run = $"api{DateTime.UtcNow.Ticks}-c{concurrent}";
        var bodies = Enumerable.Range(0, items / Batch).Select(b => JsonSerializer.SerializeToUtf8Bytes(new SubmitVerificationsRequest(Enumerable.Range(0, Batch).Select(i =>
        {
            var id = i % 2 == 0;
            return new VerificationSubmissionDto($"{run}-{b}-{i}", null, null, id ? "ResidentIdCard" : "MobileNumber",
                id ? identities.ResidentId() : identities.Mobile(), identities.PersonName(), DateTimeOffset.UtcNow.AddMilliseconds(i - Batch));
        }).ToList()), JsonSerializerOptions.Web)).ToList();
        var (elapsed, created) = await BenchmarkHost.PostAllAsync(client, "api/v1/verifications", bodies, concurrent, answer => answer.GetProperty("created").GetInt32());
        if (created != bodies.Count * Batch) throw new InvalidOperationException($"Only {created:N0} of {bodies.Count * Batch:N0} benchmark submissions were created.");
        return created / elapsed.TotalSeconds;
    }

    public static string Ratio(double rate, double raw) => string.Create(CultureInfo.InvariantCulture, $"1:{raw / rate:F1}");
}
