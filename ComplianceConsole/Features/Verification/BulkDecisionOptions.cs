using System.Globalization;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Features.Verification;

/// <summary>What a bulk decision asked for, as the Jobs page lists it: the action, reason, count and the filter, with a searched identifier masked.</summary>
public static class BulkDecisionOptions
{
    public static IReadOnlyList<JobOption> Describe(BulkDecisionInput input, int count)
    {
        var options = new List<JobOption>
        {
            new("Bulk.Action", $"Action.{input.Decision.Action}", ValueIsKey: true),
            new("Jobs.Option.Records", count.ToString(CultureInfo.InvariantCulture)),
        };
        if (input.Decision.ReasonCode is { } reason) options.Add(new("Decision.Reason", $"Reason.{reason}", ValueIsKey: true));
        if (input.RecordIds is not null) options.Add(new("Jobs.Option.Scope", "Jobs.Option.Selected", ValueIsKey: true));
        if (input.Filter is { } filter)
        {
            if (filter.Status is { } status) options.Add(new("Verification.Status", $"Status.{status}", ValueIsKey: true));
            if (filter.Method is { } method) options.Add(new("Verification.Method", $"Method.{method}", ValueIsKey: true));
            if (filter.SubmittedFromUtc is not null || filter.SubmittedToUtc is not null) options.Add(new("Verification.Submitted", Period(filter.SubmittedFromUtc, filter.SubmittedToUtc)));
            if (filter.DecidedFromUtc is not null || filter.DecidedToUtc is not null) options.Add(new("Verification.Decided", Period(filter.DecidedFromUtc, filter.DecidedToUtc)));
            if (filter.DecidedBy is { } decider) options.Add(new("Verification.DecidedBy", decider));
            if (filter.DuplicatesOnly) options.Add(new("Verification.DuplicatesOnly", "Common.Yes", ValueIsKey: true));
            if (!string.IsNullOrWhiteSpace(filter.Search)) options.Add(new("Verification.Search", Identifiers.Masking.Token(filter.Search.Trim())));
        }
        return options;
    }

    private static string Period(DateTime? fromUtc, DateTime? toUtc) =>
        $"{(fromUtc is { } from ? ChinaTime.Format(from) : "…")} – {(toUtc is { } to ? ChinaTime.Format(to) : "…")}";
}
