using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// Review counted per China Standard Time day (<see cref="DayCount"/>), kept by the writes in their transaction so the dashboard reads a
/// row per day instead of counting decisions and flags: decisions by outcome on the day decided; flags by source on the day received,
/// and, once a decision handles them by their due time, among those that met their time limit (<see cref="FlagsMet"/>).
/// Decisions and flags are never deleted, and a flag's times are set once (its due time when received, its handled time by one decision).
/// </summary>
internal static class ReviewDayCounts
{
    public const string Decisions = "Decisions";
    public const string FlagsReceived = "Flags.Received";
    public const string FlagsMet = "Flags.Met";

    public static void Decided(DayCountChanges changes, DecisionOutcome outcome, DateTime decidedAtUtc) => changes.Add(Decisions, outcome.ToString(), decidedAtUtc, 1);

    public static void Received(DayCountChanges changes, FlagSource source, DateTime receivedAtUtc) => changes.Add(FlagsReceived, source.ToString(), receivedAtUtc, 1);

    public static void Handled(DayCountChanges changes, FlagSource source, DateTime receivedAtUtc, DateTime dueAtUtc, DateTime handledAtUtc)
    {
        if (handledAtUtc <= dueAtUtc) changes.Add(FlagsMet, source.ToString(), receivedAtUtc, 1);
    }
}
