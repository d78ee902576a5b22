using ComplianceConsole.Data;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Security;
using ComplianceConsole.Security.Pii;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.Review;

/// <summary>Reads one case for its page, with complainants' contacts masked.</summary>
public sealed class ReviewCaseQueryService(IDbContextFactory<AppDbContext> contextFactory, PermissionGuard guard, PiiProtector pii, TimeProvider clock,
    IPlatformUserVerifications verifications)
{
    private const int AuthorHistoryRows = 50;

    public async Task<ReviewCaseDetail?> GetAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var header = await db.ReviewCases.AsNoTracking().Where(c => c.Id == caseId)
            .Select(c => new
            {
                Case = new CaseHeader(c.Id, c.Version, c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.ClaimedById, c.ClaimedByName,
                    c.ClaimExpiresAtUtc, c.AssignedToName, c.DecidedAtUtc),
                c.DecisionId,
                Content = new CaseContent(c.ContentItem.ExternalId, c.ContentItem.MediaType, c.ContentItem.Category, c.ContentItem.Excerpt,
                    c.ContentItem.MediaUrl, c.ContentItem.ContentHash, c.ContentItem.DeclaredAiGenerated, c.ContentItem.ExplicitLabel,
                    c.ContentItem.ImplicitLabel, c.ContentItem.AigcLabel, c.ContentItem.ContentProducer, c.ContentItem.ProduceId,
                    c.ContentItem.ContentPropagator, c.ContentItem.PropagateId, c.ContentItem.ReservedCode1, c.ContentItem.ReservedCode2,
                    c.ContentItem.PublishedAtUtc, c.ContentItem.ReceivedAtUtc),
                Author = c.ContentItem.Author,
            })
            .SingleOrDefaultAsync(cancellationToken);
        if (header is null) return null;

        var authorId = header.Author.Id;
        var author = new CaseAuthor(authorId, header.Author.ExternalId, header.Author.DisplayName, header.Author.Kind,
            await verifications.LatestAsync(authorId, cancellationToken));

        var feedback = await db.ComplaintFeedback.AsNoTracking().Where(f => f.ReviewCaseId == caseId)
            .Select(f => new { f.FlagId, Row = new CaseFeedback(f.Answer, f.AnsweredAtUtc, f.IsLate, f.RecordedByName) })
            .ToDictionaryAsync(f => f.FlagId, f => f.Row, cancellationToken);
        var flags = (await db.Flags.AsNoTracking().Where(f => f.ReviewCaseId == caseId).OrderBy(f => f.ReceivedAtUtc).ThenBy(f => f.Id)
                .Select(f => new { f.Id, f.Source, f.ReasonCode, f.ReasonText, f.MatchedText, f.RaisedBy, f.ReceivedAtUtc, f.DueAtUtc, f.ComplainantContactCipher,
                    f.MatchDistance, f.LinkedReviewCaseId })
                .ToListAsync(cancellationToken))
            .Select(f => new CaseFlag(f.Id, f.Source, f.ReasonCode, f.ReasonText, f.MatchedText, f.RaisedBy, f.ReceivedAtUtc, f.DueAtUtc,
                f.ComplainantContactCipher is { Length: > 0 } cipher ? ComplainantContact.Mask(pii.Decrypt(cipher)) : null, feedback.GetValueOrDefault(f.Id))
            {
                MatchDistance = f.MatchDistance, LinkedCaseId = f.LinkedReviewCaseId,
            })
            .ToList();

        var decision = header.DecisionId is { } decisionId
            ? await db.Decisions.AsNoTracking().Where(d => d.Id == decisionId)
                .Select(d => new CaseDecision(d.Outcome, d.ReasonCode, d.Note, d.DecidedByName, d.DecidedAtUtc)).SingleAsync(cancellationToken)
            : null;

        // Escalations and decisions before a reopen: what the Manager deciding now must read, newest first.
        var earlier = await db.Decisions.AsNoTracking().Where(d => d.ReviewCaseId == caseId && d.Id != header.DecisionId)
            .OrderByDescending(d => d.DecidedAtUtc).ThenByDescending(d => d.Id)
            .Select(d => new CaseDecision(d.Outcome, d.ReasonCode, d.Note, d.DecidedByName, d.DecidedAtUtc)).ToListAsync(cancellationToken);

        var refutations = await db.RumourRefutations.AsNoTracking().Where(r => r.ReviewCaseId == caseId)
            .Select(r => new CaseRecord(ReviewCaseEventKind.RumourRefuted, r.FalseClaim, r.RefutingStatement + " — " + r.PublishedWhere, r.PublishedAtUtc, r.RecordedByName))
            .ToListAsync(cancellationToken);
        var reports = await db.RegulatorReports.AsNoTracking().Where(r => r.ReviewCaseId == caseId)
            .Select(r => new CaseRecord(ReviewCaseEventKind.ReportedToRegulator, r.Authority, r.Reference, r.ReportedAtUtc, r.RecordedByName))
            .ToListAsync(cancellationToken);

        var authorDecisions = await (from d in db.Decisions.AsNoTracking()
                                     join c in db.ReviewCases on d.ReviewCaseId equals c.Id
                                     where c.AuthorId == authorId && c.Id != caseId
                                     orderby d.DecidedAtUtc descending, d.Id descending
                                     select new AuthorDecision(c.Id, c.ContentItem.ExternalId, d.Outcome, d.ReasonCode, d.DecidedByName, d.DecidedAtUtc,
                                         db.Appeals.Where(a => a.DecisionId == d.Id).OrderBy(a => a.Id).Select(a => new AppealSummary(a.State, a.Outcome, a.DecidedAtUtc)).FirstOrDefault()))
            .Take(AuthorHistoryRows).ToListAsync(cancellationToken);

        var history = await db.ReviewCaseEvents.AsNoTracking().Where(e => e.ReviewCaseId == caseId).OrderBy(e => e.Id)
            .Select(e => new CaseEventRow(e.Kind, e.AtUtc, e.ActorName, e.Detail)).ToListAsync(cancellationToken);

        var appeals = await (from a in db.Appeals.AsNoTracking()
                             join d in db.Decisions on a.DecisionId equals d.Id
                             join u in db.PlatformUsers() on a.PlatformUserId equals u.Id
                             where a.ReviewCaseId == caseId
                             orderby a.Id
                             select new CaseAppeal(a.Id, a.PlatformAppealId, a.State, a.Statement, u.ExternalId, a.SanctionId, a.ReceivedAtUtc, a.DueAtUtc,
                                 d.Outcome, d.ReasonCode, d.DecidedByName, d.DecidedById, d.DecidedAtUtc, a.Outcome, a.ReasonCode, a.Note, a.DecidedByName, a.DecidedAtUtc))
            .ToListAsync(cancellationToken);

        return new ReviewCaseDetail(header.Case, header.Content, author, flags, decision, [.. refutations, .. reports], authorDecisions,
            await SanctionsOfAsync(db, authorId, cancellationToken), history, appeals, earlier)
        {
            Hashes = await HashesAsync(db, caseId, cancellationToken),
        };
    }

    private static async Task<CaseHashes> HashesAsync(AppDbContext db, long caseId, CancellationToken cancellationToken)
    {
        var itemHashes = await db.ContentPerceptualHashes.AsNoTracking()
            .Where(h => db.ReviewCases.Any(c => c.Id == caseId && c.ContentItemId == h.ContentItemId)).OrderBy(h => h.FrameAtMs).ThenBy(h => h.Id)
            .Select(h => new CaseItemHash(h.Hash, h.Quality, h.Origin, h.FrameAtMs)).ToListAsync(cancellationToken);
        var banks = await db.HashBanks.AsNoTracking().Where(b => b.Enabled && b.Kind == HashBanks.HashBankKind.Block).OrderBy(b => b.Name)
            .Select(b => new HashBanks.BankChoice(b.Id, b.Name)).ToListAsync(cancellationToken);
        if (itemHashes.Count == 0) return new CaseHashes(itemHashes, banks, []);
        var inBanks = await db.HashBanks.AsNoTracking().Where(b => db.HashBankEntries.Any(e => e.HashBankId == b.Id && e.ReviewCaseId == caseId))
            .OrderBy(b => b.Name).Select(b => b.Name).ToListAsync(cancellationToken);
        return new CaseHashes(itemHashes, banks, inBanks);
    }

    /// <summary>The case's version as it stands: what a decision on it is checked against (claims do not move it).</summary>
    public async Task<int?> VersionAsync(long caseId, CancellationToken cancellationToken = default)
    {
        await guard.DemandAsync(ReviewPermissions.Read);
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        return await db.ReviewCases.Where(c => c.Id == caseId).Select(c => (int?)c.Version).SingleOrDefaultAsync(cancellationToken);
    }

    /// <summary>A platform user's sanctions, in force first, then newest first.</summary>
    internal async Task<IReadOnlyList<SanctionRow>> SanctionsOfAsync(AppDbContext db, long platformUserId, CancellationToken cancellationToken)
    {
        var now = clock.GetUtcNow().UtcDateTime;
        var rows = await db.Sanctions.AsNoTracking().Where(s => s.PlatformUserId == platformUserId)
            .OrderByDescending(s => s.ImposedAtUtc).Take(AuthorHistoryRows)
            .Select(s => new SanctionRow(s.Id, s.Kind, s.ReasonCode, s.Note, s.StartsAtUtc, s.EndsAtUtc, s.ImposedByName, s.ImposedAtUtc,
                s.ReviewCaseId, s.LiftedAtUtc, s.LiftedByName, s.LiftReason, false,
                db.Appeals.Where(a => a.DecisionId == s.DecisionId).OrderBy(a => a.Id).Select(a => new AppealSummary(a.State, a.Outcome, a.DecidedAtUtc)).FirstOrDefault()))
            .ToListAsync(cancellationToken);
        return rows.Select(s => s with { IsActive = SanctionRules.IsActive(s.StartsAtUtc, s.EndsAtUtc, s.LiftedAtUtc, now) })
            .OrderByDescending(s => s.IsActive).ToList();
    }
}
