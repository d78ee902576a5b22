namespace ComplianceConsole.Features.Review;

/// <summary>
/// How many open cases fall due on a day (<see cref="DueDay"/>: whole UTC days since 1970, from <see cref="ReviewCase.QueueOrder"/>), so the
/// overdue cases are the days before today's counts plus today's counted on the queue's index, whatever the backlog. Kept by the same
/// triggers as <see cref="ReviewBacklogCount"/>, per connection <see cref="Slot"/> on PostgreSQL.
/// </summary>
public sealed class ReviewDueDayCount
{
    public long DueDay { get; set; }

    public int Slot { get; set; }

    public long Count { get; set; }
}
