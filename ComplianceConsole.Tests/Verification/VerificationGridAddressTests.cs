using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;

namespace ComplianceConsole.Tests.Verification;

public sealed class VerificationGridAddressTests
{
    [Fact]
    public void A_filter_and_sort_survive_the_trip_through_the_address_as_China_time_days()
    {
        var filter = new VerificationFilter
        {
            Status = VerificationStatus.Rejected, Method = VerificationMethod.MobileNumber,
            DecidedFromUtc = ChinaTime.ToUtc(new DateTime(2026, 11, 1)), DecidedToUtc = ChinaTime.ToUtc(new DateTime(2026, 12, 1)),
        };

        var address = VerificationGridAddress.For(filter, VerificationSort.DecidedNewest);

        Assert.Equal("verification?status=Rejected&method=MobileNumber&decidedFrom=2026-11-01&decidedTo=2026-11-30&sort=DecidedNewest", address);
        Assert.Equal((filter, VerificationSort.DecidedNewest), VerificationGridAddress.Parse(address[address.IndexOf('?')..]));
    }

    [Fact]
    public void Unknown_values_are_left_out_and_a_sort_the_filter_does_not_allow_is_replaced()
    {
        var (filter, sort) = VerificationGridAddress.Parse("?status=Deleted&method=1&submittedFrom=2026-13-01&decidedFrom=2026-11-01&sort=SubmittedOldest");

        Assert.Equal(new VerificationFilter { DecidedFromUtc = ChinaTime.ToUtc(new DateTime(2026, 11, 1)) }, filter);
        Assert.Equal(VerificationSort.DecidedNewest, sort);
    }

    [Fact]
    public void Pending_records_are_neither_sorted_nor_filtered_by_a_decision_they_do_not_have()
    {
        var (filter, sort) = VerificationGridAddress.Parse("?status=Pending&decidedFrom=2026-11-01&sort=DecidedNewest");

        Assert.Equal(new VerificationFilter { Status = VerificationStatus.Pending }, filter);
        Assert.Equal(VerificationSort.SubmittedNewest, sort);
        Assert.DoesNotContain(VerificationSort.DecidedNewest, VerificationGridRules.SortsFor(filter));
        Assert.False(VerificationGridRules.IsOffered(filter with { DecidedFromUtc = ChinaTime.ToUtc(new DateTime(2026, 11, 1)) }, VerificationSort.SubmittedNewest));
    }
}
