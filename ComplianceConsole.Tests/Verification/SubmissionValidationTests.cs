using ComplianceConsole.Common;
using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Verification;

namespace ComplianceConsole.Tests.Verification;

/// <summary>
/// The rules every submission meets, through the API and (sharing <see cref="VerificationRules"/>) import alike:
/// possible times only, no control characters in any text, names normalised.
/// </summary>
public sealed class SubmissionValidationTests(VerificationApp app) : IClassFixture<VerificationApp>
{
    private static readonly DateTime Now = new(2026, 11, 25, 2, 0, 0, DateTimeKind.Utc);

    [Theory]
    [InlineData("1900-01-01T00:00:00Z", "Verification.SubmittedTooEarly")]
    [InlineData("1999-12-31T23:59:59Z", "Verification.SubmittedTooEarly")]
    [InlineData("2000-01-01T00:00:00Z", null)]
    [InlineData("2026-11-25T02:04:59Z", null)]
    [InlineData("2026-11-25T02:05:01Z", "Verification.SubmittedInFuture")]
    [InlineData("2099-01-01T00:00:00Z", "Verification.SubmittedInFuture")]
    public void Submission_times_are_bounded_by_2000_and_a_five_minute_clock_skew(string submittedAt, string? error) =>
        Assert.Equal(error, VerificationRules.SubmittedAtError(DateTime.Parse(submittedAt, null, System.Globalization.DateTimeStyles.AdjustToUniversal), Now)?.MessageKey);

    [Theory]
    [InlineData("李\0雷")]
    [InlineData("李\t雷")]
    [InlineData("李\n雷")]
    [InlineData("\u0007")]
    [InlineData("\u202Eabc")]
    public void Control_characters_broken_surrogates_and_direction_overrides_are_forbidden(string text) =>
        Assert.True(SafeText.HasForbiddenCharacters(text));

    [Fact]
    public void Halves_of_a_broken_surrogate_pair_are_forbidden()
    {
        // Built here: theory data would not carry a lone surrogate intact.
        Assert.True(SafeText.HasForbiddenCharacters("broken " + (char)0xD83D + " half"));
        Assert.True(SafeText.HasForbiddenCharacters("x" + (char)0xDE00));
        Assert.False(SafeText.HasForbiddenCharacters("whole " + (char)0xD83D + (char)0xDE00));
    }

    [Theory]
    [InlineData("李雷")]
    [InlineData("  李雷\r\n")]
    [InlineData("John Smith")]
    [InlineData("阿沛·阿旺晋美")]
    [InlineData("小王 😀")]
    [InlineData("👨‍👩‍👧")]
    public void Ordinary_text_with_surrounding_white_space_is_allowed(string text) =>
        Assert.False(SafeText.HasForbiddenCharacters(text));

    [Theory]
    [InlineData("王　五", "王五")]
    [InlineData("　王 　五　", "王五")]
    [InlineData("欧阳　修", "欧阳修")]
    [InlineData("  John \u3000  Smith ", "John Smith")]
    [InlineData("Zhang\u3000三", "Zhang 三")]
    public void Names_are_trimmed_and_full_width_spaces_normalised(string raw, string expected) =>
        Assert.Equal(expected, PlatformInput.NormalizeName(raw));

    [Fact]
    public async Task Impossible_times_and_control_characters_are_refused_field_by_field()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new object[]
            {
                new { externalUserId = "old-user", method = "MobileNumber", identifier = "13800001234", realName = "李雷", submittedAt = "1900-01-01T00:00:00+08:00" },
                new { externalUserId = "nul\0user", userDisplayName = "小\0李", method = "MobileNumber", identifier = "1380000\u00001235", realName = "李\0雷" },
                new { externalUserId = "future-user", method = "MobileNumber", identifier = "13800001236", realName = "李雷", submittedAt = DateTimeOffset.UtcNow.AddDays(1) },
            },
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.Contains("2000-01-01", errors.GetProperty("items[0].submittedAt")[0].GetString());
        foreach (var field in new[] { "externalUserId", "userDisplayName", "identifier", "realName" })
        {
            Assert.Contains("控制字符", errors.GetProperty($"items[1].{field}")[0].GetString());
        }
        Assert.True(errors.TryGetProperty("items[2].submittedAt", out _));
        Assert.Equal(["items[0].submittedAt", "items[1].externalUserId", "items[1].identifier", "items[1].realName", "items[1].userDisplayName", "items[2].submittedAt"],
            errors.EnumerateObject().Select(e => e.Name).Order());
    }

    [Fact]
    public async Task Names_are_stored_trimmed_with_full_width_spaces_normalised()
    {
        var response = await app.Platform().PostAsJsonAsync("/api/v1/verifications", new
        {
            items = new[] { new { externalUserId = "  spaced-user\t", userDisplayName = "　小王　的　号 ", method = "MobileNumber", identifier = "13800004321", realName = "　王　五　" } },
        });
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        var id = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("results")[0].GetProperty("recordId").GetInt64();

        var detail = await app.DetailAsync(id);
        Assert.Equal("spaced-user", detail.Record.ExternalUserId);
        Assert.Equal("小王 的 号", detail.Record.UserDisplayName);
        await using var scope = app.App.As(VerificationApp.Verifier);
        var revealed = await scope.Get<PiiRevealService>().RevealAsync(id, "核对姓名规范化");
        Assert.Equal("王五", revealed.Value!.RealName);
    }
}
