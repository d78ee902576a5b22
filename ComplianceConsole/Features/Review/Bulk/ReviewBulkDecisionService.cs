using System.Globalization;
using ComplianceConsole.Common;
using ComplianceConsole.Common.Live;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.Jobs;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>
/// A bulk decision as the job host runs it: on these cases, or on every case of a queue view (its address form), narrowed by
/// <paramref name="Filter"/> when one is given.
/// </summary>
public sealed record ReviewBulkDecisionInput(IReadOnlyList<long>? CaseIds, string? View, DecisionOutcome Outcome, string ReasonCode, string? Note,
    ReviewBulkFilter? Filter = null);

/// <summary>
/// What a bulk decision on a filter selects, every criterion given (AND) on top of the view: cases flagged by one feature-library rule,
/// cases of one author (the platform's user id), with a flag of one source, of one category, with one label state.
/// </summary>
public sealed record ReviewBulkFilter(long? RuleId = null, string? AuthorExternalId = null, FlagSource? Source = null,
    SynthesisCategory? Category = null, LabelStatus? Label = null)
{
    public bool IsEmpty => RuleId is null && string.IsNullOrWhiteSpace(AuthorExternalId) && Source is null && Category is null && Label is null;
}

/// <summary>
/// What a bulk decision did. Decided; left out, each case under one reason: another reviewer holds it, an unhandled regulator notice or an
/// unanswered complaint is on it (a bulk decision never closes either: they are decided one by one, with the notice's report or the
/// complainant's answer), an appeal on it is open, or it is not open to this decision any more (decided, escalated); changed meanwhile
/// (conflicts). When nothing was decided, <see cref="Why"/> says why (<see cref="ReviewBulkWhy"/>), so a page never shows bare zeros;
/// a decision the rules refuse is no run at all but a refusal with its reasons (<see cref="ReviewBulkDecisionService.DecideManyAsync"/>).
/// </summary>
public sealed record ReviewBulkResult(int Decided, int HeldByOthers, int NotApplicable, int Conflicts, bool Cancelled,
    int RegulatorNotices = 0, int UnansweredComplaints = 0, int AppealsOpen = 0, string? Why = null)
{
    public int LeftOut => HeldByOthers + NotApplicable + RegulatorNotices + UnansweredComplaints + AppealsOpen;

    public ReviewBulkResult Plus(ReviewBulkResult batch) => new(Decided + batch.Decided, HeldByOthers + batch.HeldByOthers,
        NotApplicable + batch.NotApplicable, Conflicts + batch.Conflicts, Cancelled || batch.Cancelled, RegulatorNotices + batch.RegulatorNotices,
        UnansweredComplaints + batch.UnansweredComplaints, AppealsOpen + batch.AppealsOpen);

    /// <summary>The result with its reason filled in when nothing was decided.</summary>
    public ReviewBulkResult Explained() => Decided > 0 ? this with { Why = null } : this with
    {
        Why = Why ?? (Cancelled ? ReviewBulkWhy.Cancelled
            : LeftOut + Conflicts == 0 ? ReviewBulkWhy.NothingMatched
            : LeftOut == 0 ? ReviewBulkWhy.AllConflicts
            : ReviewBulkWhy.AllLeftOut),
    };

    /// <summary>The arguments of every summary: decided, held by others, notices, complaints, appeals, not applicable, conflicts.</summary>
    public object[] Arguments() => [Decided, HeldByOthers, RegulatorNotices, UnansweredComplaints, AppealsOpen, NotApplicable, Conflicts];
}

/// <summary>Why a bulk decision decided nothing; each is also the last part of its summary's key (<c>Review.Bulk.None.NothingMatched</c>).</summary>
public static class ReviewBulkWhy
{
    /// <summary>The selection or filter matched no undecided case.</summary>
    public const string NothingMatched = "NothingMatched";

    /// <summary>Every case matched was left out (held, notice, complaint, appeal, not open): the counts say which.</summary>
    public const string AllLeftOut = "AllLeftOut";

    /// <summary>Every case matched changed meanwhile.</summary>
    public const string AllConflicts = "AllConflicts";

    /// <summary>Cancelled before anything was decided.</summary>
    public const string Cancelled = "Cancelled";
}

/// <summary>A feature-library rule the bulk filter can name: its number, kind and value.</summary>
public sealed record ReviewBulkRuleOption(long Id, FeatureRuleKind Kind, string Value);

/// <summary>
/// How many cases a bulk decision would touch, and of those how many it would leave out and why: another reviewer holds them, an
/// unhandled regulator notice or an unanswered complaint is on them, an appeal is open. <see cref="ToDecide"/> is what remains.
/// </summary>
public sealed record ReviewBulkCount(int Cases, int HeldByOthers, int RegulatorNotices = 0, int UnansweredComplaints = 0, int AppealsOpen = 0)
{
    public int ToDecide => Math.Max(0, Cases - HeldByOthers - RegulatorNotices - UnansweredComplaints - AppealsOpen);
}

/// <summary>
/// One outcome, reason and note for many cases (e.g. NoViolation for 300 false positives), as a job: batches that each
/// commit with their decisions, case history and one audit event. Needs <see cref="ReviewPermissions.BulkDecide"/>, checked here on every
/// call and again when the job starts. Cases another reviewer holds, cases with an unhandled regulator notice or an unanswered complaint,
/// and cases with an open appeal are left out and counted (each case under the first of these reasons that applies).
/// </summary>
public sealed class ReviewBulkDecisionService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, AuditTrail audit,
    JobQueue jobs, TimeProvider clock, ILiveNotifier live)
{
    private const int BatchSize = 200;

    public static readonly JobKind<ReviewBulkDecisionInput, ReviewBulkDecisionJob> Kind = new("review-bulk-decision", ReviewPermissions.BulkDecide);

    /// <summary>The counts the confirmation states, for a selection or a whole view (narrowed by <paramref name="filter"/>).</summary>
    public async Task<ReviewBulkCount> CountAsync(IReadOnlyList<long>? caseIds, ReviewQueueView? view, CancellationToken cancellationToken = default) =>
        await CountAsync(caseIds, view, null, cancellationToken);

    public async Task<ReviewBulkCount> CountAsync(IReadOnlyList<long>? caseIds, ReviewQueueView? view, ReviewBulkFilter? filter, CancellationToken cancellationToken = default)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.BulkDecide);
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var cases = (await ScopeAsync(db, caseIds, view, filter, actor.Id, now, cancellationToken)).Where(c => c.State != ReviewCaseState.Decided);
        // Each case counts under the first reason that leaves it out, in the order the batches apply them.
        var held = cases.Where(c => c.ClaimedById != null && c.ClaimedById != actor.Id && c.ClaimExpiresAtUtc > now);
        var free = cases.Where(c => !(c.ClaimedById != null && c.ClaimedById != actor.Id && c.ClaimExpiresAtUtc > now));
        var appealed = free.Where(c => db.Appeals.Any(a => a.ReviewCaseId == c.Id && a.State == AppealState.Open));
        var noAppeal = free.Where(c => !db.Appeals.Any(a => a.ReviewCaseId == c.Id && a.State == AppealState.Open));
        var notices = noAppeal.Where(c => db.Flags.Any(f => f.ReviewCaseId == c.Id && f.Source == FlagSource.RegulatorNotice && f.HandledAtUtc == null));
        var complaints = noAppeal.Where(c => !db.Flags.Any(f => f.ReviewCaseId == c.Id && f.Source == FlagSource.RegulatorNotice && f.HandledAtUtc == null))
            .Where(c => db.Flags.Any(f => f.ReviewCaseId == c.Id && f.Source == FlagSource.UserComplaint && !db.ComplaintFeedback.Any(a => a.FlagId == f.Id)));
        return new ReviewBulkCount(await cases.CountAsync(cancellationToken), await held.CountAsync(cancellationToken),
            await notices.CountAsync(cancellationToken), await complaints.CountAsync(cancellationToken), await appealed.CountAsync(cancellationToken));
    }

    /// <summary>Rules whose value contains <paramref name="text"/> (or whose number it is), for the filter's picker: at most 20, by value.</summary>
    public async Task<IReadOnlyList<ReviewBulkRuleOption>> FindRulesAsync(string? text, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.BulkDecide);
        var term = (text ?? "").Trim().TrimStart('#');
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var rules = db.FeatureRules.AsNoTracking();
        rules = long.TryParse(term, System.Globalization.NumberStyles.None, CultureInfo.InvariantCulture, out var id)
            ? rules.Where(r => r.Id == id || r.Value.Contains(term))
            : term.Length > 0 ? rules.Where(r => r.Value.Contains(term)) : rules;
        return await rules.OrderBy(r => r.Value).Take(20).Select(r => new ReviewBulkRuleOption(r.Id, r.Kind, r.Value)).ToListAsync(cancellationToken);
    }

    /// <summary>Queues the decision as a job; an outcome that needs a record or names a person, or a reason that does not fit, is refused here.</summary>
    public async Task<Result<long>> QueueAsync(ReviewBulkDecisionInput input, int count, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.BulkDecide);
        if (Check(input) is { Count: > 0 } errors) return Result.Invalid(errors);
        return Result<long>.Ok(await jobs.EnqueueAsync(Kind, input, Describe(input, count), count, cancellationToken: cancellationToken));
    }

    public static List<FieldError> Check(ReviewBulkDecisionInput input)
    {
        var errors = DecisionRecordRules.CheckOutcome(input.Outcome, input.ReasonCode, input.Note);
        if (!DecisionRecordRules.AllowsBulk(input.Outcome)) errors.Add(new("Outcome", "Review.Bulk.OutcomeNotAllowed"));
        if (input.CaseIds is null && input.View is null) errors.Add(new("Scope", "Review.Bulk.NoScope"));
        if (input.Filter?.AuthorExternalId is { Length: > ContentRules.MaxExternalIdLength }) errors.Add(new("Author", "Review.TextTooLong", ContentRules.MaxExternalIdLength));
        return errors;
    }

    /// <summary>
    /// Applies a bulk decision batch by batch; run by <see cref="ReviewBulkDecisionJob"/> as the person who queued it. A decision that
    /// no longer passes the rules is refused with the rules it breaks.
    /// </summary>
    public async Task<Result<ReviewBulkResult>> DecideManyAsync(ReviewBulkDecisionInput input, Func<int, Task> reportProgress, CancellationToken cancellationToken)
    {
        var actor = await guard.DemandActorAsync(ReviewPermissions.BulkDecide);
        if (Check(input) is { Count: > 0 } errors) return Result.Invalid(errors);
        var supervisor = await guard.HasAsync(ReviewPermissions.Supervise);
        var view = input.View is null ? null : ReviewQueueView.Parse(input.View);
        var total = new ReviewBulkResult(0, 0, 0, 0, false);
        var seen = new HashSet<long>();
        try
        {
            while (true)
            {
                cancellationToken.ThrowIfCancellationRequested();
                var ids = await NextBatchAsync(input.CaseIds, view, input.Filter, actor.Id, seen, cancellationToken);
                if (ids.Count == 0) break;
                seen.UnionWith(ids);
                total = total.Plus(await DecideBatchAsync(ids, input, actor, supervisor));
                await reportProgress(total.Decided + total.LeftOut + total.Conflicts);
            }
        }
        catch (OperationCanceledException)
        {
            return Result<ReviewBulkResult>.Ok((total with { Cancelled = true }).Explained());
        }
        return Result<ReviewBulkResult>.Ok(total.Explained());
    }

    // Cases leave a view as they are decided, and skipped ones stay in it: the next batch is the next ids not looked at yet.
    private async Task<IReadOnlyList<long>> NextBatchAsync(IReadOnlyList<long>? caseIds, ReviewQueueView? view, ReviewBulkFilter? filter, string? actorId,
        HashSet<long> seen, CancellationToken cancellationToken)
    {
        if (caseIds is not null) return caseIds.Where(id => !seen.Contains(id)).Distinct().Take(BatchSize).ToList();
        var after = seen.Count == 0 ? 0 : seen.Max();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await (await ScopeAsync(db, null, view, filter, actorId, clock.GetUtcNow().UtcDateTime, cancellationToken)).Where(c => c.Id > after)
            .OrderBy(c => c.Id).Select(c => c.Id).Take(BatchSize).ToListAsync(cancellationToken);
    }

    private async Task<ReviewBulkResult> DecideBatchAsync(IReadOnlyList<long> ids, ReviewBulkDecisionInput input, AuditActor actor, bool supervisor)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        await using var db = await contextFactory.CreateDbContextAsync(CancellationToken.None);
        await using var appender = await audit.BeginAsync(db, WriteLock.ReviewCasesShared, CancellationToken.None);
        var cases = await db.ReviewCases.Include(c => c.ContentItem).Where(c => ids.Contains(c.Id)).ToListAsync(CancellationToken.None);
        // Read inside the audit's exclusive transaction, so what is left out is what stood when the batch was written.
        var candidates = cases.Where(c => c.State == ReviewCaseState.Open || (c.State == ReviewCaseState.Escalated && supervisor)).ToList();
        var heldByOthers = candidates.Where(c => c.ClaimedById is not null && c.ClaimedById != actor.Id && c.ClaimExpiresAtUtc > now).ToList();
        var free = candidates.Except(heldByOthers).Select(c => c.Id).ToList();
        // An appeal is decided one at a time, by someone other than the appealed decision's author: never in bulk.
        var appealed = (await db.Appeals.Where(a => free.Contains(a.ReviewCaseId) && a.State == AppealState.Open).Select(a => a.ReviewCaseId)
            .ToListAsync(CancellationToken.None)).ToHashSet();
        // A regulator's notice is answered with its report, a complainant with an answer: neither is closed by a bulk decision.
        var notices = (await db.Flags.Where(f => free.Contains(f.ReviewCaseId) && f.Source == FlagSource.RegulatorNotice && f.HandledAtUtc == null)
            .Select(f => f.ReviewCaseId).ToListAsync(CancellationToken.None)).ToHashSet();
        notices.ExceptWith(appealed);
        var complaints = (await db.Flags.Where(f => free.Contains(f.ReviewCaseId) && f.Source == FlagSource.UserComplaint
                && !db.ComplaintFeedback.Any(a => a.FlagId == f.Id))
            .Select(f => f.ReviewCaseId).ToListAsync(CancellationToken.None)).ToHashSet();
        complaints.ExceptWith(appealed);
        complaints.ExceptWith(notices);
        var open = candidates.Where(c => free.Contains(c.Id) && !appealed.Contains(c.Id) && !notices.Contains(c.Id) && !complaints.Contains(c.Id)).ToList();
        var notApplicable = ids.Count - candidates.Count;
        var leftOut = new ReviewBulkResult(0, heldByOthers.Count, notApplicable, 0, false, notices.Count, complaints.Count, appealed.Count);
        if (open.Count == 0) return leftOut;

        try
        {
            var decisions = await CaseDecisions.ApplyAsync(db, open, input.Outcome, input.ReasonCode, input.Note, actor, now, clock, null, CancellationToken.None);
            await ReviewPlatformEvents.DecisionsMadeAsync(db, decisions.Values, CancellationToken.None);
            await appender.SaveWithAuditAsync(db, actor, AuditActions.ReviewBulkDecided, nameof(ReviewCase), null, new
            {
                input.Outcome, input.ReasonCode, note = CaseDecisions.Trimmed(input.Note), count = open.Count,
                ids = open.Select(c => c.Id).ToArray(), skippedHeldByOthers = heldByOthers.Select(c => c.Id).ToArray(),
                skippedRegulatorNotice = notices.Order().ToArray(), skippedUnansweredComplaint = complaints.Order().ToArray(),
                skippedAppealOpen = appealed.Order().ToArray(),
            }, CancellationToken.None);
        }
        catch (DbUpdateConcurrencyException)
        {
            return leftOut with { Conflicts = open.Count };
        }
        await appender.CommitAsync(CancellationToken.None);
        foreach (var reviewCase in open) live.Publish(new ReviewCaseChanged(reviewCase.Id, ReviewCaseState.Decided, null));
        return leftOut with { Decided = open.Count };
    }

    /// <summary>The cases a selection, or a view narrowed by a filter, names. An author the console does not know matches nothing.</summary>
    internal static async Task<IQueryable<ReviewCase>> ScopeAsync(AppDbContext db, IReadOnlyList<long>? caseIds, ReviewQueueView? view, ReviewBulkFilter? filter,
        string? actorId, DateTime now, CancellationToken cancellationToken)
    {
        if (caseIds is not null) return db.ReviewCases.AsNoTracking().Where(c => caseIds.Contains(c.Id));
        var cases = (view ?? ReviewQueueView.All).Apply(db.ReviewCases.AsNoTracking(), actorId, now);
        if (filter is null) return cases;
        if (filter.RuleId is { } ruleId)
        {
            cases = cases.Where(c => db.Flags.Where(f => f.FeatureRuleId == ruleId && f.Source == FlagSource.FeatureLibrary).Select(f => f.ReviewCaseId).Contains(c.Id));
        }
        if (filter.AuthorExternalId?.Trim() is { Length: > 0 } author)
        {
            var authorId = await db.PlatformUsers().Where(u => u.ExternalId == author).Select(u => (long?)u.Id).SingleOrDefaultAsync(cancellationToken);
            cases = authorId is { } id ? cases.Where(c => c.AuthorId == id) : cases.Where(c => false);
        }
        if (filter.Source is { } source)
        {
            var bit = ReviewSources.Bit(source);
            cases = cases.Where(c => (c.SourceMask & bit) != 0);
        }
        if (filter.Category is { } category) cases = cases.Where(c => c.Category == category);
        if (filter.Label is { } label) cases = cases.Where(c => c.LabelStatus == label);
        return cases;
    }

    private static IReadOnlyList<JobOption> Describe(ReviewBulkDecisionInput input, int count)
    {
        var options = new List<JobOption>
        {
            new("Review.Outcome", $"ReviewOutcome.{input.Outcome}", ValueIsKey: true),
            new("Review.Reason", $"ReviewReason.{input.ReasonCode}", ValueIsKey: true),
            new("Review.Bulk.Cases", count.ToString(CultureInfo.InvariantCulture)),
            input.CaseIds is not null
                ? new("Jobs.Option.Scope", "Review.Bulk.SelectedCases", ValueIsKey: true)
                : new("Review.Bulk.View", input.View ?? ""),
        };
        if (input.CaseIds is null && input.Filter is { } filter)
        {
            if (filter.RuleId is { } rule) options.Add(new("Review.Bulk.Filter.Rule", "#" + rule.ToString(CultureInfo.InvariantCulture)));
            if (filter.AuthorExternalId?.Trim() is { Length: > 0 } author) options.Add(new("Review.Bulk.Filter.Author", author));
            if (filter.Source is { } source) options.Add(new("Review.Bulk.Filter.Source", $"FlagSource.{source}", ValueIsKey: true));
            if (filter.Category is { } category) options.Add(new("Review.Bulk.Filter.Category", $"SynthesisCategory.{category}", ValueIsKey: true));
            if (filter.Label is { } label) options.Add(new("Review.Bulk.Filter.Label", $"LabelStatus.{label}", ValueIsKey: true));
        }
        if (CaseDecisions.Trimmed(input.Note) is { } note) options.Add(new("Review.Note", note));
        return options;
    }
}
