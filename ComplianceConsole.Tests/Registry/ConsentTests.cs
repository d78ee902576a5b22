using System.Net;
using System.Net.Http.Json;
using System.Text.Json;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Features.PlatformUsers;
using ComplianceConsole.Features.Registry;
using Microsoft.EntityFrameworkCore;

namespace ComplianceConsole.Tests.Registry;

public class ConsentTests(RegistryApp registry) : IClassFixture<RegistryApp>
{
    private static object Consent(string id, string depicted, string edits = "Face", DateTimeOffset? from = null, DateTimeOffset? until = null) => new
    {
        externalId = id, externalUserId = RegistryApp.PlatformUser, depictedPersonRef = depicted, depictedPersonName = "李四", edits,
        scope = "换脸短视频《春节祝福》", validFrom = from ?? DateTimeOffset.UtcNow.AddMinutes(-1), validUntil = until, method = "ElectronicSignature",
    };

    private async Task<JsonElement> CheckAsync(string depicted, string edit)
    {
        var response = await registry.Platform().GetAsync($"api/v1/consents/check?userId={RegistryApp.PlatformUser}&depictedPersonRef={depicted}&edit={edit}");
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        return await response.Content.ReadFromJsonAsync<JsonElement>();
    }

    [Fact]
    public async Task A_recorded_consent_answers_yes_for_its_edit_until_it_lapses_and_no_for_the_other_edit()
    {
        var platform = registry.Platform();
        var until = registry.Clock.GetUtcNow().AddDays(10);
        var recorded = await platform.PostAsJsonAsync("api/v1/consents", Consent("c-lapse", "p-lapse", until: until));
        Assert.Equal("Created", (await recorded.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        var check = await CheckAsync("p-lapse", "Face");
        Assert.True(check.GetProperty("valid").GetBoolean());
        Assert.Equal("c-lapse", check.GetProperty("consentExternalId").GetString());
        Assert.Equal("OtherEdit", (await CheckAsync("p-lapse", "Voice")).GetProperty("state").GetString());

        registry.Clock.Advance(TimeSpan.FromDays(11));
        var lapsed = await CheckAsync("p-lapse", "Face");
        Assert.False(lapsed.GetProperty("valid").GetBoolean());
        Assert.Equal("Expired", lapsed.GetProperty("state").GetString());
    }

    [Fact]
    public async Task A_withdrawn_consent_answers_no_at_once_and_withdrawing_twice_keeps_the_first_time()
    {
        var platform = registry.Platform();
        await platform.PostAsJsonAsync("api/v1/consents", Consent("c-withdraw", "p-withdraw", "FaceAndVoice"));
        Assert.True((await CheckAsync("p-withdraw", "Voice")).GetProperty("valid").GetBoolean());

        var first = await (await platform.PostAsync("api/v1/consents/c-withdraw/withdrawal", null)).Content.ReadFromJsonAsync<JsonElement>();
        registry.Clock.Advance(TimeSpan.FromMinutes(5));
        var second = await (await platform.PostAsync("api/v1/consents/c-withdraw/withdrawal", null)).Content.ReadFromJsonAsync<JsonElement>();
        Assert.Equal(first.GetProperty("withdrawnAt").GetDateTimeOffset(), second.GetProperty("withdrawnAt").GetDateTimeOffset());
        Assert.Equal("Withdrawn", (await CheckAsync("p-withdraw", "Voice")).GetProperty("state").GetString());
        Assert.Equal(HttpStatusCode.NotFound, (await platform.PostAsync("api/v1/consents/no-such-consent/withdrawal", null)).StatusCode);

        await using var db = await registry.DbAsync();
        Assert.Equal(1, await db.AuditEvents.CountAsync(e => e.Action == AuditActions.ConsentWithdrawn && e.TargetId == "c-withdraw"));
    }

    [Fact]
    public async Task Recording_is_idempotent_on_the_platforms_id_and_the_depicted_persons_name_is_stored_encrypted()
    {
        var platform = registry.Platform();
        await platform.PostAsJsonAsync("api/v1/consents", Consent("c-twice", "p-twice"));
        var again = await platform.PostAsJsonAsync("api/v1/consents", Consent("c-twice", "p-twice"));
        Assert.Equal("AlreadyRecorded", (await again.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("outcome").GetString());

        await using var db = await registry.DbAsync();
        var stored = await db.BiometricConsents.SingleAsync(c => c.ExternalId == "c-twice");
        Assert.DoesNotContain("李四", System.Text.Encoding.UTF8.GetString(stored.DepictedPersonNameCipher));

        await using var manager = registry.App.As(RegistryApp.Manager);
        var row = (await manager.Get<ConsentService>().GetPageAsync(new ConsentFilter(RegistryApp.PlatformUser), 0, 100)).Items.Single(c => c.ExternalId == "c-twice");
        Assert.Equal("李*", row.DepictedPersonNameMasked);
    }

    [Fact]
    public async Task Bad_consents_are_refused_field_by_field_and_nothing_is_stored()
    {
        var response = await registry.Platform().PostAsJsonAsync("api/v1/consents", new
        {
            externalId = "c-bad", externalUserId = "nobody-we-know", depictedPersonRef = "", edits = "Hair", validFrom = "2026-02-01T00:00:00Z",
            validUntil = "2026-01-01T00:00:00Z", method = "Telepathy",
        });
        Assert.Equal(HttpStatusCode.BadRequest, response.StatusCode);
        var errors = (await response.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        foreach (var field in new[] { "depictedPersonRef", "depictedPersonName", "edits", "scope", "validUntil", "method" })
            Assert.True(errors.TryGetProperty(field, out _), field);

        var unknownUser = await registry.Platform().PostAsJsonAsync("api/v1/consents", new
        {
            externalId = "c-unknown", externalUserId = "nobody-we-know", depictedPersonRef = "p", depictedPersonName = "李四", edits = "Face", scope = "换脸",
            validFrom = DateTimeOffset.UtcNow, method = "InAppConfirmation",
        });
        Assert.Equal(HttpStatusCode.BadRequest, unknownUser.StatusCode);
        Assert.True((await unknownUser.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors").TryGetProperty("externalUserId", out _));
        await using var db = await registry.DbAsync();
        Assert.False(await db.BiometricConsents.AnyAsync(x => x.ExternalId == "c-bad" || x.ExternalId == "c-unknown"));
    }

    [Fact]
    public async Task A_consent_with_no_record_answers_missing_and_a_check_names_its_bad_parameters()
    {
        Assert.Equal("Missing", (await CheckAsync("p-nobody", "Face")).GetProperty("state").GetString());
        var bad = await registry.Platform().GetAsync("api/v1/consents/check?userId=&edit=FaceAndVoice");
        Assert.Equal(HttpStatusCode.BadRequest, bad.StatusCode);
        var errors = (await bad.Content.ReadFromJsonAsync<JsonElement>()).GetProperty("errors");
        Assert.True(errors.TryGetProperty("userId", out _));
        Assert.True(errors.TryGetProperty("depictedPersonRef", out _));
        Assert.True(errors.TryGetProperty("edit", out _));
    }

    [Fact]
    public async Task A_manager_records_and_withdraws_a_consent_and_an_auditor_may_only_read()
    {
        await using var manager = registry.App.As(RegistryApp.Manager);
        var consents = manager.Get<ConsentService>();
        var result = await consents.RecordByStaffAsync(new ConsentSubmission(null, RegistryApp.PlatformUser, "p-paper", "王五", BiometricEdit.Voice,
            "有声书配音", DateTime.UtcNow.AddDays(-1), null, ConsentMethod.WrittenSignature));
        Assert.Equal(ConsentRecordOutcome.Created, result.Outcome);
        var row = (await consents.GetPageAsync(new ConsentFilter(), 0, 100)).Items.Single(c => c.Id == result.Id);
        Assert.StartsWith("CC-", row.ExternalId);
        Assert.True((await consents.WithdrawByStaffAsync(row.Id, row.Version)).Succeeded);
        Assert.Equal(Common.ResultOutcome.Conflict, (await consents.WithdrawByStaffAsync(row.Id, row.Version)).Outcome);

        await using var auditor = registry.App.As(RegistryApp.Auditor);
        Assert.NotEmpty((await auditor.Get<ConsentService>().GetPageAsync(new ConsentFilter(), 0, 10)).Items);
        await Assert.ThrowsAsync<ComplianceConsole.Security.PermissionDeniedException>(() => auditor.Get<ConsentService>().WithdrawByStaffAsync(row.Id, row.Version + 1));
    }
}
