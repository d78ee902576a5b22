using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review;

public sealed class SuggestedReasonsTests
{
    private static CaseFlag Flag(long id, FlagSource source, string? reason, int dueInHours) =>
        new(id, source, reason, null, null, "platform", DateTime.UtcNow, DateTime.UtcNow.AddHours(dueInHours), null, null);

    [Theory]
    [InlineData(LabelCheckCodes.ImplicitMissing, "label_missing")]
    [InlineData(LabelCheckCodes.ExplicitMissing, "label_missing")]
    [InlineData(LabelCheckCodes.ContradictsDeclaration, "label_missing")]
    [InlineData(LabelCheckCodes.ExplicitTampered, "label_tampered")]
    [InlineData(LabelCheckCodes.ImplicitTampered, "label_tampered")]
    [InlineData("fraud_impersonation", "fraud_impersonation")]
    [InlineData("something-the-platform-made-up", null)]
    [InlineData(null, null)]
    public void A_flag_names_the_reason_of_the_taxonomy_its_finding_answers_to(string? flagReason, string? expected) =>
        Assert.Equal(expected, SuggestedReasons.Of(flagReason));

    [Fact]
    public void The_most_urgent_flag_that_names_a_reason_wins()
    {
        var flags = new[]
        {
            Flag(1, FlagSource.FeatureLibrary, "fake_news", dueInHours: 48),
            Flag(2, FlagSource.UserComplaint, null, dueInHours: 1),
            Flag(3, FlagSource.LabelCheck, LabelCheckCodes.ImplicitTampered, dueInHours: 24),
        };
        Assert.Equal("label_tampered", SuggestedReasons.From(flags));
    }

    [Fact]
    public void Every_reason_has_its_own_letter_in_the_order_of_the_taxonomy() =>
        Assert.Equal(ReviewReasonCodes.All.Count, ReviewReasonCodes.All.Select(r => ReasonKeys.Of(r.Code)).Distinct().Count(k => k.Length == 1));
}
