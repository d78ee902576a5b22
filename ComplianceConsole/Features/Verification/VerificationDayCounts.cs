using ComplianceConsole.Data;

namespace ComplianceConsole.Features.Verification;

/// <summary>
/// Verification records counted per status and China Standard Time day (<see cref="DayCount"/>, kind <see cref="Kind"/>): a pending
/// record on the day it was submitted, a decided one on the day of its decision. Every write that adds, decides or deletes a record
/// moves it here in the same transaction, so the dashboard's figures equal a count of the rows.
/// </summary>
internal static class VerificationDayCounts
{
    public const string Kind = "VerificationRecords";

    public static void Add(DayCountChanges changes, VerificationRecord record) => Add(changes, record.Status, record.SubmittedAtUtc, record.DecidedAtUtc, 1);

    public static void Remove(DayCountChanges changes, VerificationRecord record) => Add(changes, record.Status, record.SubmittedAtUtc, record.DecidedAtUtc, -1);

    public static void Add(DayCountChanges changes, VerificationStatus status, DateTime submittedAtUtc, DateTime? decidedAtUtc, long delta)
    {
        // A decided record without its decision time (none is written so) is on no day, as the rows' own count by decision day leaves it out.
        if ((status == VerificationStatus.Pending ? submittedAtUtc : decidedAtUtc) is { } at) changes.Add(Kind, status.ToString(), at, delta);
    }
}
