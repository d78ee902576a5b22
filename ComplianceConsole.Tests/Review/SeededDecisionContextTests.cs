using ComplianceConsole.Data;
using ComplianceConsole.Features.DemoData;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Review;

/// <summary>Demo decisions, written in bulk, carry what they were made on like any other: the registers would show empty columns otherwise.</summary>
public sealed class SeededDecisionContextTests
{
    [Fact]
    public async Task Seeded_decisions_record_their_item_and_the_flags_they_handled()
    {
        await using var app = new TestApp();
        await app.CompleteSetupAsync();
        await app.Services.GetRequiredService<ReviewDemoSeeder>().SeedAsync(120, seed: 3);

        await using var db = await app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
        var decisions = await db.Decisions.Select(d => new
        {
            d.MediaType, d.Category, Item = db.ReviewCases.Where(c => c.Id == d.ReviewCaseId).Select(c => new { c.ContentItem.MediaType, c.ContentItem.Category }).Single(),
            Flags = db.DecisionFlags.Count(f => f.DecisionId == d.Id),
            Handled = db.Flags.Count(f => f.ReviewCaseId == d.ReviewCaseId && f.HandledAtUtc == d.DecidedAtUtc),
        }).ToListAsync();
        Assert.NotEmpty(decisions);
        Assert.All(decisions, d => Assert.Equal((d.Item.MediaType, d.Item.Category), (d.MediaType, d.Category)));
        Assert.All(decisions, d => Assert.Equal(d.Handled, d.Flags));
        Assert.All(decisions, d => Assert.True(d.Flags > 0));
    }
}
