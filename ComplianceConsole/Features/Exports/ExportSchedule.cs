namespace ComplianceConsole.Features.Exports;

/// <summary>The period a scheduled report covers, relative to when it runs; it also says how often it runs.</summary>
public enum ExportSchedulePeriod
{
    /// <summary>Runs every day; covers the day before, in China Standard Time.</summary>
    PreviousDay = 1,

    /// <summary>Runs every Monday; covers the week before (Monday to Sunday).</summary>
    PreviousWeek = 2,

    /// <summary>Runs on the 1st of each month; covers the month before.</summary>
    PreviousMonth = 3,
}

/// <summary>A recurring report a Manager scheduled: its runs land in the export history, requested on the owner's behalf.</summary>
public sealed class ExportSchedule
{
    public long Id { get; set; }
    public ExportKind Kind { get; set; }
    public ExportSchedulePeriod Period { get; set; }

    /// <summary>The time of day it runs, in minutes after midnight China Standard Time.</summary>
    public int MinuteOfDayCst { get; set; }

    public string FiltersJson { get; set; } = "{}";
    public string OwnerId { get; set; } = "";
    public string OwnerName { get; set; } = "";
    public bool Enabled { get; set; } = true;
    public DateTime CreatedAtUtc { get; set; }
    public DateTime NextRunAtUtc { get; set; }
    public DateTime? LastRunAtUtc { get; set; }
    public long? LastExportId { get; set; }
    public int Version { get; set; }
}
