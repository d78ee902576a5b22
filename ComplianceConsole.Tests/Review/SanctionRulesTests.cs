using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review;

public class SanctionRulesTests
{
    private static readonly DateTime Now = new(2026, 11, 24, 2, 0, 0, DateTimeKind.Utc);

    [Fact]
    public void A_sanction_is_in_force_from_its_start_until_its_end_unless_lifted()
    {
        Assert.True(SanctionRules.IsActive(Now.AddDays(-1), null, null, Now));
        Assert.True(SanctionRules.IsActive(Now, Now.AddDays(1), null, Now));
        Assert.False(SanctionRules.IsActive(Now.AddMinutes(1), null, null, Now)); // not started
        Assert.False(SanctionRules.IsActive(Now.AddDays(-2), Now, null, Now)); // ended at this instant
        Assert.False(SanctionRules.IsActive(Now.AddDays(-2), Now.AddDays(5), Now.AddHours(-1), Now)); // lifted
    }

    [Theory]
    [InlineData(SanctionKind.Warning, false)]
    [InlineData(SanctionKind.FunctionRestriction, true)]
    [InlineData(SanctionKind.Suspension, true)]
    [InlineData(SanctionKind.AccountClosure, true)]
    public void Every_kind_but_a_warning_stops_publishing(SanctionKind kind, bool blocks) => Assert.Equal(blocks, SanctionRules.BlocksPublishing(kind));

    [Fact]
    public void The_most_severe_sanction_in_force_speaks_and_of_equal_kinds_the_longest()
    {
        var warning = new ActiveSanction(SanctionKind.Warning, Now.AddDays(-9), null, null);
        var shortSuspension = new ActiveSanction(SanctionKind.Suspension, Now.AddDays(-1), Now.AddDays(2), null);
        var longSuspension = new ActiveSanction(SanctionKind.Suspension, Now.AddDays(-1), Now.AddDays(30), null);
        var liftedClosure = new ActiveSanction(SanctionKind.AccountClosure, Now.AddDays(-3), null, Now.AddDays(-2));

        Assert.Equal(longSuspension, SanctionRules.Strongest([warning, shortSuspension, longSuspension, liftedClosure], Now));
        Assert.Equal(warning, SanctionRules.Strongest([warning, liftedClosure], Now));
        Assert.Null(SanctionRules.Strongest([liftedClosure], Now));
    }
}
