namespace ComplianceConsole.Features.Review;

/// <summary>
/// How many cases are in an undecided <see cref="State"/> (open or escalated), in all (<see cref="Source"/> 0) or with a flag source's bit
/// (<see cref="ReviewSources.Bit"/>), so the dashboard reads the queue's size instead of counting it. Kept by triggers on the cases
/// table in the transaction of every write that adds, moves or removes a case, whichever code writes it (ingestion's bulk rows, the
/// decisions, the seeders, a copy, a row removed by hand). On PostgreSQL each connection adds to its own <see cref="Slot"/> (one of 32,
/// by its server process's id), so concurrent writers do not queue on one row; the figure is the sum of the slots.
/// </summary>
public sealed class ReviewBacklogCount
{
    public ReviewCaseState State { get; set; }

    public int Source { get; set; }

    public int Slot { get; set; }

    public long Count { get; set; }
}
