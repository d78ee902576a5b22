using System.Diagnostics;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Review;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Features.DemoData;

/// <summary>
/// Fills a database with synthetic content items and, for about three in ten, a review case with its flags: mixed media,
/// categories and label states, flags from every source with their time limits, cases decided, open (some overdue),
/// escalated, claimed and assigned. Written in bulk (binary COPY on PostgreSQL), a transaction per batch: a million items in minutes.
/// The queue fields of each case (<see cref="ReviewCase.QueueOrder"/>, source mask, worst label) follow the app's own rules.
/// </summary>
public sealed class ReviewDemoSeeder(IDbContextFactory<AppDbContext> contextFactory, TimeProvider clock, ILogger<ReviewDemoSeeder> logger)
{
    private const int BatchSize = 10_000;
    private const int ItemsPerAuthor = 20;

    /// <summary>Staff names the seeded claims, assignments and decisions carry (not accounts: nobody signs in as them).</summary>
    public static readonly (string Id, string Name)[] Reviewers =
        [.. Enumerable.Range(1, 8).Select(i => ($"seed-reviewer-{i}", $"reviewer{i}@provider.example"))];

    private static readonly string[] Openings = ["【AI 生成】", "", "", "震惊！", "Breaking: ", "独家：", "", "Watch: "];
    private static readonly string[] Subjects = ["某知名演员", "市长", "a famous singer", "某公司董事长", "新闻主播", "the president", "一位专家", "网红博主", "a news anchor", "老师"];
    private static readonly string[] Actions = ["宣布退出娱乐圈", "承认造假", "endorses a miracle cure", "在直播中道歉", "声称地震即将发生", "reveals secret plans", "推荐一款理财产品", "被曝出丑闻", "says the bank will close", "呼吁大家转发"];
    private static readonly string[] Tails = ["，视频已在网上流传。", "。请尽快转发！", " — shared 20,000 times.", "，消息来源不明。", "。", " (voice clone suspected).", "，画面疑似换脸。", "，声音与本人高度相似。"];

    public async Task<int> SeedAsync(int items, int seed = 20260110, CancellationToken cancellationToken = default)
    {
        var random = new Random(seed);
        var now = clock.GetUtcNow().UtcDateTime;
        var stopwatch = Stopwatch.StartNew();
        await using var db = await contextFactory.CreateDbContextAsync(cancellationToken);
        var limits = await TimeLimits.LoadAsync(db, cancellationToken);
        await db.Database.OpenConnectionAsync(cancellationToken);
        var connection = db.Database.GetDbConnection();
        var ids = new NextIds(
            await BulkIds.MaxAsync(connection, "PlatformUsers", cancellationToken), await BulkIds.MaxAsync(connection, "ContentItems", cancellationToken),
            await BulkIds.MaxAsync(connection, "ReviewCases", cancellationToken), await BulkIds.MaxAsync(connection, "Flags", cancellationToken),
            await BulkIds.MaxAsync(connection, "Decisions", cancellationToken));
        var runTag = $"{seed}-{now:yyyyMMddHHmmss}";
        var cases = 0;
        var writer = new Writer(db.DayCountChanges);

        for (var done = 0; done < items; done += BatchSize)
        {
            var firstCase = ids.Case + 1;
            var count = Math.Min(BatchSize, items - done);
            for (var i = 0; i < count; i++)
            {
                var n = done + i;
                if (n % ItemsPerAuthor == 0) writer.Author(++ids.Author, $"p{runTag}-{n / ItemsPerAuthor:D7}", $"用户{random.Next(1_000_000):D6}", now.AddDays(-400));
                var item = NewItem(random, now, $"c{runTag}-{n:D8}", ids.Author);
                writer.Item(++ids.Item, item);
                if (random.Next(100) < 30)
                {
                    AddCase(writer, random, limits, now, ids.Item, item, ids);
                    cases++;
                }
            }
            await using (var transaction = await db.Database.BeginTransactionAsync(cancellationToken))
            {
                await writer.WriteAsync(db, firstCase, cancellationToken);
                await transaction.CommitAsync(cancellationToken);
            }
            logger.LogInformation("Seeded {Done:N0} of {Items:N0} content items, {Cases:N0} cases ({Rate:N0} items a second).",
                done + count, items, cases, (done + count) / stopwatch.Elapsed.TotalSeconds);
        }
        await BulkIds.ResetSequencesAsync(connection, Writer.Tables, cancellationToken);
        return cases;
    }

    private sealed class NextIds(long author, long item, long @case, long flag, long decision)
    {
        public long Author = author, Item = item, Case = @case, Flag = flag, Decision = decision;
    }

    private sealed record Item(string ExternalId, long AuthorId, MediaType MediaType, SynthesisCategory Category, string Excerpt,
        LabelStatus Explicit, LabelStatus Implicit, bool Declared, DateTime ReceivedAtUtc)
    {
        /// <summary>The implicit label's AIGC fields, when it has one.</summary>
        public (int? Label, string? Producer, string? ProduceId) Aigc =>
            Implicit == LabelStatus.Present ? ((int)AigcLabel.AiGenerated, "001191310000000000000000X10001", ExternalId) : (null, null, null);
    }

    private static Item NewItem(Random random, DateTime now, string externalId, long authorId)
    {
        var media = random.Next(100) switch { < 35 => MediaType.Text, < 65 => MediaType.Image, < 80 => MediaType.Video, < 95 => MediaType.Audio, _ => MediaType.VirtualScene };
        var category = media switch
        {
            MediaType.Text => random.Next(4) == 0 ? SynthesisCategory.Other : SynthesisCategory.PersonImitationText,
            MediaType.Audio => SynthesisCategory.VoiceSynthesis,
            MediaType.VirtualScene => SynthesisCategory.ImmersiveScene,
            _ => random.Next(5) == 0 ? SynthesisCategory.Other : SynthesisCategory.FaceManipulation,
        };
        var excerpt = string.Concat(Pick(random, Openings), Pick(random, Subjects), Pick(random, Actions), Pick(random, Tails));
        if (random.Next(4) == 0) excerpt += " " + string.Concat(Pick(random, Subjects), Pick(random, Actions), Pick(random, Tails), Pick(random, Subjects), Pick(random, Actions));
        return new Item(externalId, authorId, media, category, excerpt, Label(random, 85), Label(random, 80), random.Next(100) < 70,
            now.AddMinutes(-random.Next(60 * 24 * 180)));
    }

    private static LabelStatus Label(Random random, int presentPercent) =>
        random.Next(100) is var roll && roll < presentPercent ? LabelStatus.Present : roll < presentPercent + (100 - presentPercent) * 2 / 3 ? LabelStatus.Missing : LabelStatus.Tampered;

    /// <summary>A case for the item: its flags (a missing or tampered label always among them), its state and who holds it.</summary>
    private static void AddCase(Writer writer, Random random, TimeLimits limits, DateTime now, long itemId, Item item, NextIds ids)
    {
        var label = (LabelStatus)Math.Max((int)item.Explicit, (int)item.Implicit);
        var sources = new List<FlagSource>();
        if (label != LabelStatus.Present) sources.Add(FlagSource.LabelCheck);
        var more = sources.Count == 0 ? 1 + Geometric(random) : Geometric(random);
        for (var f = 0; f < more; f++)
        {
            sources.Add(random.Next(100) switch
            {
                < 55 => FlagSource.FeatureLibrary, < 80 => FlagSource.UserComplaint, < 88 => FlagSource.LabelCheck, < 94 => FlagSource.Staff, _ => FlagSource.RegulatorNotice,
            });
        }
        // Open cases are the recent ones (some already past their time limit); most older ones are decided.
        var roll = random.Next(100);
        var state = roll < 68 ? ReviewCaseState.Decided : roll < 70 ? ReviewCaseState.Escalated : ReviewCaseState.Open;
        var opened = state == ReviewCaseState.Decided ? item.ReceivedAtUtc.AddMinutes(random.Next(120)) : now.AddMinutes(-random.Next(60 * 24 * 20));
        var flags = sources.Select((source, k) => (Source: source, At: opened.AddMinutes(k * random.Next(1, 600)))).Where(f => f.At <= now).ToList();
        if (flags.Count == 0) flags.Add((sources[0], opened));
        var due = flags.Min(f => limits.DueAt(f.Source, f.At));
        var priority = ReviewSources.Priority(flags.Select(f => f.Source));
        var caseId = ++ids.Case;
        var c = new ReviewCase
        {
            Id = caseId, ContentItemId = itemId, AuthorId = item.AuthorId, State = state, OpenedAtUtc = opened, DueAtUtc = due, Priority = priority,
            QueueOrder = ReviewQueueOrder.For(due, priority), FlagCount = flags.Count, SourceMask = flags.Aggregate(0, (mask, f) => mask | ReviewSources.Bit(f.Source)),
            MediaType = item.MediaType, Category = item.Category, LabelStatus = label,
        };
        if (state != ReviewCaseState.Decided && random.Next(100) < 2) (c.AssignedToId, c.AssignedToName) = Pick(random, Reviewers);
        if (state == ReviewCaseState.Open && random.Next(200) == 0)
        {
            (c.ClaimedById, c.ClaimedByName) = c.AssignedToId is not null ? (c.AssignedToId, c.AssignedToName) : Pick(random, Reviewers);
            c.ClaimedAtUtc = now.AddMinutes(-random.Next(5));
            c.ClaimExpiresAtUtc = c.ClaimedAtUtc.Value.AddMinutes(10);
        }
        if (state == ReviewCaseState.Decided)
        {
            c.DecisionId = ++ids.Decision;
            c.DecidedAtUtc = flags.Max(f => f.At).AddMinutes(10 + random.Next(60 * 24 * 3));
            if (c.DecidedAtUtc > now) c.DecidedAtUtc = now;
        }
        writer.Case(c);
        foreach (var (source, at) in flags) writer.Flag(++ids.Flag, caseId, itemId, source, at, limits.DueAt(source, at), c.DecidedAtUtc);
        writer.Event(caseId, opened, ReviewCaseEventKind.Flagged, null, "system", flags[0].Source.ToString());
        if (state == ReviewCaseState.Decided)
        {
            var (reviewerId, reviewerName) = Pick(random, Reviewers);
            var violation = random.Next(100) < 45;
            var outcome = violation ? (label == LabelStatus.Present ? DecisionOutcome.Removed : DecisionOutcome.LabelRequired) : DecisionOutcome.NoViolation;
            var reason = violation ? (label == LabelStatus.Present ? "fake_news" : label == LabelStatus.Missing ? "label_missing" : "label_tampered") : "false_positive";
            writer.Decision(c.DecisionId!.Value, caseId, outcome, reason, reviewerId, reviewerName, c.DecidedAtUtc!.Value, c.SourceMask, item,
                new HandledFlagTimes(flags.Min(f => f.At), due));
            writer.Event(caseId, c.DecidedAtUtc!.Value, ReviewCaseEventKind.Decided, reviewerId, reviewerName, $"{outcome}:{reason}");
        }
    }

    private static int Geometric(Random random)
    {
        var n = 0;
        while (n < 5 && random.Next(100) < 35) n++;
        return n;
    }

    private static T Pick<T>(Random random, T[] values) => values[random.Next(values.Length)];

    /// <summary>A batch's rows, written parents first (<see cref="BulkTable"/>: binary COPY on PostgreSQL), with their <see cref="ReviewDayCounts"/>.</summary>
    private sealed class Writer(DayCountChanges counts)
    {
        private readonly BulkTable _author = new("PlatformUsers", "Id", "ExternalId", "DisplayName", "Kind", "CreatedAtUtc");
        private readonly BulkTable _item = new("ContentItems", "Id", "ExternalId", "AuthorId", "MediaType", "Category", "Excerpt",
            "MediaUrl", "DeclaredAiGenerated", "ExplicitLabel", "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId", "ReceivedAtUtc", "UpdatedAtUtc", "Version");
        private readonly BulkTable _case = new("ReviewCases", "Id", "ContentItemId", "AuthorId", "State", "OpenedAtUtc", "DueAtUtc",
            "Priority", "QueueOrder", "FlagCount", "SourceMask", "MediaType", "Category", "LabelStatus", "ClaimedById", "ClaimedByName", "ClaimedAtUtc",
            "ClaimExpiresAtUtc", "AssignedToId", "AssignedToName", "DecidedAtUtc", "Version");
        private readonly BulkTable _flag = new("Flags", "Id", "ReviewCaseId", "ContentItemId", "Source", "ReasonCode", "ReasonText",
            "RaisedBy", "ReceivedAtUtc", "DueAtUtc", "HandledAtUtc");
        private readonly BulkTable _decision = new("Decisions", "Id", "ReviewCaseId", "Outcome", "ReasonCode", "DecidedById", "DecidedByName", "DecidedAtUtc", "SourceMask",
            "MediaType", "Category", "ExplicitLabel", "ImplicitLabel", "AigcLabel", "ContentProducer", "ProduceId");
        private readonly BulkTable _event = new("ReviewCaseEvents", "ReviewCaseId", "AtUtc", "Kind", "ActorId", "ActorName", "Detail");
        private readonly ContentSearchRows _search = new();

        public static readonly string[] Tables = ["PlatformUsers", "ContentItems", "ReviewCases", "Flags", "Decisions", "ReviewCaseEvents"];

        public void Author(long id, string externalId, string name, DateTime created) => _author.Add(id, externalId, name, 1, created);

        public void Item(long id, Item item)
        {
            _item.Add(id, item.ExternalId, item.AuthorId, (int)item.MediaType, (int)item.Category, item.Excerpt,
            $"https://media.platform.example/{item.ExternalId}", item.Declared, (int)item.Explicit, (int)item.Implicit,
            item.Aigc.Label, item.Aigc.Producer, item.Aigc.ProduceId, item.ReceivedAtUtc, item.ReceivedAtUtc, 0);
            _search.Add(id, item.Excerpt);
        }

        // The decision is linked once it is written (WriteAsync): a decided case and its decision point at each other.
        public void Case(ReviewCase c) => _case.Add(c.Id, c.ContentItemId, c.AuthorId, (int)c.State, c.OpenedAtUtc, c.DueAtUtc, c.Priority, c.QueueOrder,
            c.FlagCount, c.SourceMask, (int)c.MediaType, (int)c.Category, (int)c.LabelStatus, c.ClaimedById, c.ClaimedByName, c.ClaimedAtUtc,
            c.ClaimExpiresAtUtc, c.AssignedToId, c.AssignedToName, c.DecidedAtUtc, 0);

        public void Flag(long id, long caseId, long itemId, FlagSource source, DateTime received, DateTime due, DateTime? handled)
        {
            _flag.Add(id, caseId, itemId, (int)source,
                source switch { FlagSource.LabelCheck => "label_missing", FlagSource.FeatureLibrary => "fake_news", _ => null },
                source switch { FlagSource.UserComplaint => "用户投诉：内容疑似冒充他人", FlagSource.RegulatorNotice => "网信部门通知：请核查", FlagSource.Staff => "Staff spotted it in a spot check", _ => null },
                source == FlagSource.UserComplaint ? "api:platform" : "system", received, due, handled);
            ReviewDayCounts.Received(counts, source, received);
            if (handled is { } at) ReviewDayCounts.Handled(counts, source, received, due, at);
        }

        /// <summary>A decision on the item as seeded (its flags are recorded after the batch is written, <see cref="SeededDecisionFlags"/>).</summary>
        /// <remarks>Seeded decisions are made without a claim, with every flag of the case handled.</remarks>
        public void Decision(long id, long caseId, DecisionOutcome outcome, string reason, string byId, string byName, DateTime at, int sources, Item item,
            HandledFlagTimes handled)
        {
            _decision.Add(id, caseId, (int)outcome, reason, byId, byName, at, sources, (int)item.MediaType, (int)item.Category, (int)item.Explicit, (int)item.Implicit,
                item.Aigc.Label, item.Aigc.Producer, item.Aigc.ProduceId);
            ReviewDayCounts.Decided(counts, outcome, at);
            ReviewerDayCounts.Decided(counts, outcome, byId, at, claimedAtUtc: null, handled);
        }

        public void Event(long caseId, DateTime at, ReviewCaseEventKind kind, string? actorId, string actorName, string? detail) =>
            _event.Add(caseId, at, (int)kind, actorId, actorName, detail);

        /// <summary>Writes the batch in the caller's transaction, then links the batch's decided cases (from <paramref name="firstCase"/> on) to their decisions.</summary>
        public async Task WriteAsync(AppDbContext db, long firstCase, CancellationToken cancellationToken)
        {
            var (connection, transaction) = PreparedCommands.InTransactionOf(db);
            foreach (var table in new[] { _author, _item, _case, _flag, _decision, _event }) await table.WriteAsync(connection, transaction, cancellationToken);
            await _search.WriteAsync(connection, transaction, cancellationToken);
            await db.Database.ExecuteSqlAsync($"""
                UPDATE "ReviewCases" SET "DecisionId" = (SELECT d."Id" FROM "Decisions" AS d WHERE d."ReviewCaseId" = "ReviewCases"."Id")
                WHERE "Id" >= {firstCase} AND "State" = {(int)ReviewCaseState.Decided}
                """, cancellationToken);
            await SeededDecisionFlags.RecordAsync(db, firstCase, cancellationToken);
            await db.SaveChangesAsync(cancellationToken); // the batch's day counts
        }
    }
}
