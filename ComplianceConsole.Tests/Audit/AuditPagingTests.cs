using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Audit;

/// <summary>The audit log pages newest first by keyset: older, older again, and back newer, each event once.</summary>
public sealed class AuditPagingTests : SetUpAppTest
{
    private const string Auditor = "pager@example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CreateStaffAsync(Auditor, Roles.Auditor);
        var contexts = App.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        for (var i = 0; i < 6; i++) await App.Services.GetRequiredService<AuditTrail>().RecordAsync(contexts, AuditActor.System, AuditActions.ChainVerified);
    }

    [Fact]
    public async Task Pages_walk_older_and_back_newer_without_repeating_or_skipping_an_event()
    {
        await using var scope = App.As(Auditor);
        var audit = scope.Get<AuditQueryService>();
        var filter = new AuditFilter(Action: AuditActions.ChainVerified);

        var first = await audit.GetPageAsync(filter, PageAnchor.First, null, 4);
        var second = await audit.GetPageAsync(filter, PageAnchor.After, first.Items[^1].Sequence, 4);
        var back = await audit.GetPageAsync(filter, PageAnchor.Before, second.Items[0].Sequence, 4);

        Assert.Equal((4, true, false), (first.Items.Count, first.HasNext, first.HasPrevious));
        Assert.Equal((2, false, true), (second.Items.Count, second.HasNext, second.HasPrevious));
        var walked = first.Items.Concat(second.Items).Select(r => r.Sequence).ToList();
        Assert.Equal(walked.OrderByDescending(s => s), walked);
        Assert.Equal(6, walked.Distinct().Count());
        Assert.Equal(first.Items.Select(r => r.Sequence), back.Items.Select(r => r.Sequence));
        Assert.Equal((true, false), (back.HasNext, back.HasPrevious));
    }
}
