using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using System.Security.Cryptography;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Api;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Features.PlatformUsers;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Benchmarks;

/// <summary>
/// Write throughput in one run: API submissions over HTTP in batches of 1,000, and, as the yardstick, raw inserts of rows
/// of the same width into the same table (same indexes), one prepared statement (<see cref="PreparedCommands"/>), 1,000 a transaction,
/// as the submissions' own writer inserts them: ids taken up front, no <c>RETURNING</c> (which made each insert five times slower,
/// and until 2026-11-26 the yardstick with it).
/// </summary>
internal sealed class WriteBenchmark(IDbContextFactory<AppDbContext> contexts, int items)
{
    public const int Batch = 1_000;

    /// <summary>The time one batch's submissions span: a platform posting at the budget's rate, 10,000 a second.</summary>
    public static readonly TimeSpan BatchWindow = TimeSpan.FromMilliseconds(100);

    public async Task<double> RawInsertsPerSecondAsync()
    {
        await using var db = await contexts.CreateDbContextAsync();
        var userId = await db.PlatformUsers().Select(u => u.Id).FirstAsync();
        await db.Database.OpenConnectionAsync(); // with the app's own connection settings (SQLite's pragmas)
        var connection = db.Database.GetDbConnection();
        var stopwatch = new Stopwatch();
        for (var done = 0; done < items; done += Batch)
        {
            var rows = Enumerable.Range(0, Batch).Select(_ =>
            {
                var hash = Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32));
                return new object?[] { userId, RandomNumberGenerator.GetBytes(47), hash, Verification.VerificationHashes.KeyOf(hash),
                    RandomNumberGenerator.GetBytes(35), DateTime.UtcNow, Convert.ToHexStringLower(RandomNumberGenerator.GetBytes(32)) };
            }).ToList();
            // Rolled back: the yardstick leaves no rows behind.
            await using var transaction = await connection.BeginTransactionAsync();
            await using var insert = PreparedCommands.Prepare(connection, transaction, """
                INSERT INTO "VerificationRecords" ("PlatformUserId", "Method", "IdentifierCipher", "IdentifierHash", "IdentifierHashKey", "RealNameCipher", "Status",
                    "SubmittedAtUtc", "IsDuplicate", "SubmissionKey", "Version") VALUES ($u, 2, $ic, $ih, $ihk, $nc, 1, $at, FALSE, $key, 0)
                """, "$u", "$ic", "$ih", "$ihk", "$nc", "$at", "$key");
            stopwatch.Start();
            foreach (var row in rows) await PreparedCommands.ExecuteAsync(insert, CancellationToken.None, row);
            stopwatch.Stop();
            await transaction.RollbackAsync();
        }
        return items / stopwatch.Elapsed.TotalSeconds;
    }

    /// <summary>
    /// New platform users with valid identities, posted as the platform would, batch after batch, by
    /// <paramref name="concurrent"/> clients at once to each of the <paramref name="instances"/>: each batch what its users submitted in the <see cref="BatchWindow"/> after the
    /// batch before it, so times rise from batch to batch (the bodies are built before the clock starts, in the past).
    /// (Until 2026-11-25 the items of a batch were spread over the 1,000 minutes before it; until 2026-11-26 every batch's
    /// times fell in the second the bodies were built, so each batch landed among the rows of all batches before it in the
    /// records' time indexes and a commit wrote 50 more pages than the one before: the slowdown over long runs.
    /// docs/benchmarks.md has all three.)
    /// </summary>
    public async Task<double> ApiItemsPerSecondAsync(IReadOnlyList<HttpClient> instances, int concurrent)
    {
        var identities = new SyntheticIdentities(Environment.TickCount);
        var run = $"api{DateTime.UtcNow.Ticks}-c{concurrent}x{instances.Count}";
        var batches = items / Batch;
        var firstSubmitted = DateTimeOffset.UtcNow - batches * BatchWindow;
        var bodies = Enumerable.Range(0, batches).Select(b => JsonSerializer.SerializeToUtf8Bytes(new SubmitVerificationsRequest(Enumerable.Range(0, Batch).Select(i =>
        {
            var id = i % 2 == 0;
            return new VerificationSubmissionDto($"{run}-{b}-{i}", null, null, id ? "ResidentIdCard" : "MobileNumber",
                id ? identities.ResidentId() : identities.Mobile(), identities.PersonName(),
                firstSubmitted + (b + (double)i / Batch) * BatchWindow);
        }).ToList()), JsonSerializerOptions.Web)).ToList();
        var (elapsed, created) = await BenchmarkHost.PostAllAsync(instances, "api/v1/verifications", bodies, concurrent, answer => answer.GetProperty("created").GetInt32());
        if (created != bodies.Count * Batch) throw new InvalidOperationException($"Only {created:N0} of {bodies.Count * Batch:N0} benchmark submissions were created.");
        return created / elapsed.TotalSeconds;
    }

    public static string Ratio(double rate, double raw) => string.Create(CultureInfo.InvariantCulture, $"1:{raw / rate:F1}");
}
