using Npgsql;

namespace ComplianceConsole.Data;

/// <summary>
/// Runs a write again when it lost a race it could not see coming: writers on PostgreSQL go side by side, so another one may
/// insert the same unique key between this one's read and its write, or the two may deadlock. Each attempt is a transaction of
/// its own, rolled back whole when it fails, so the next one starts from what the winner committed.
/// </summary>
public static class LostRaceRetry
{
    private const int Attempts = 3;

    public static async Task<T> RunAsync<T>(Func<Task<T>> write)
    {
        for (var attempt = 1; ; attempt++)
        {
            try
            {
                return await write();
            }
            catch (Exception lost) when (attempt < Attempts && IsLostRace(lost))
            {
            }
        }
    }

    private static bool IsLostRace(Exception exception) =>
        UniqueViolation.IsAny(exception) || (exception.InnerException ?? exception) is PostgresException { SqlState: PostgresErrorCodes.DeadlockDetected };
}
