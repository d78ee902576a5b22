namespace ComplianceConsole.Features.Review;

/// <summary>
/// How many cases are in an undecided <see cref="State"/> (open or escalated), in all (<see cref="Source"/> 0) or with a flag source's bit
/// (<see cref="ReviewSources.Bit"/>), so the dashboard reads the queue's size instead of counting it. Kept by triggers on the cases
/// table in the transaction of every write that adds, moves or removes a case, whichever code writes it (ingestion's bulk rows, the
/// decisions, retention, the seeders, a copy). On PostgreSQL each connection adds to its own <see cref="Slot"/> (of
/// <see cref="ReviewBacklogCounts.Slots"/>), so concurrent writers do not queue on one row; the figure is the sum of the slots.
/// </summary>
public sealed class ReviewBacklogCount
{
    public ReviewCaseState State { get; set; }

    public int Source { get; set; }

    public int Slot { get; set; }

    public long Count { get; set; }
}
