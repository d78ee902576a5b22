using ComplianceConsole.Features.Verification;

namespace ComplianceConsole.Tests.Verification;

public class VerificationTransitionsTests
{
    [Theory]
    [InlineData(VerificationStatus.Pending, new[] { VerificationAction.Verify, VerificationAction.Reject, VerificationAction.RequestResubmission })]
    [InlineData(VerificationStatus.Verified, new[] { VerificationAction.RequestResubmission, VerificationAction.Revoke, VerificationAction.Expire })]
    [InlineData(VerificationStatus.Rejected, new VerificationAction[0])]
    [InlineData(VerificationStatus.Expired, new VerificationAction[0])]
    [InlineData(VerificationStatus.Revoked, new VerificationAction[0])]
    public void Each_status_allows_only_the_actions_that_make_sense(VerificationStatus status, VerificationAction[] allowed) =>
        Assert.Equal(allowed, VerificationTransitions.AllowedFrom(status));

    [Fact]
    public void Actions_lead_where_their_names_say()
    {
        Assert.Equal(VerificationStatus.Verified, VerificationTransitions.Target(VerificationAction.Verify, VerificationStatus.Pending));
        Assert.Equal(VerificationStatus.Rejected, VerificationTransitions.Target(VerificationAction.RequestResubmission, VerificationStatus.Verified));
        Assert.Equal(VerificationStatus.Revoked, VerificationTransitions.Target(VerificationAction.Revoke, VerificationStatus.Verified));
        Assert.Null(VerificationTransitions.Target(VerificationAction.Verify, VerificationStatus.Revoked));
    }

    [Fact]
    public void Reasons_are_required_where_a_choice_exists_and_other_needs_a_note()
    {
        Assert.Null(VerificationTransitions.CheckReason(VerificationAction.Verify, null, null));
        Assert.Equal("Verification.ReasonRequired", VerificationTransitions.CheckReason(VerificationAction.Reject, null, null));
        Assert.Equal("Verification.ReasonRequired", VerificationTransitions.CheckReason(VerificationAction.Reject, "identity_theft", null));
        Assert.Equal("Verification.NoteRequiredForOther", VerificationTransitions.CheckReason(VerificationAction.Reject, "other", " "));
        Assert.Null(VerificationTransitions.CheckReason(VerificationAction.Reject, "other", "照片模糊"));
        Assert.Null(VerificationTransitions.CheckReason(VerificationAction.Expire, null, null)); // its one reason is implied
    }
}
