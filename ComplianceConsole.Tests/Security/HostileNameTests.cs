using System.Text;
using ComplianceConsole.Common;
using ComplianceConsole.Features.Registry;
using ComplianceConsole.Features.Staff;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Registry;

namespace ComplianceConsole.Tests.Security;

/// <summary>
/// A name that reads differently from what it is (a direction override showing <c>rtl2\u202Efdp.txt</c> as "rtl2txt.pdf"),
/// or that hides a NUL or a line break, is refused with one rule wherever names come in.
/// </summary>
public sealed class HostileNameTests(RegistryApp registry) : IClassFixture<RegistryApp>
{
    public static TheoryData<string> HostileNames => new()
    {
        "rtl2\u202Efdp", "left\u202Aembedding", "isolate\u2066x\u2069", "mark\u200Fx", "mark\u200Ex", "arabic\u061Cmark",
        "nul\0byte", "line\r\nbreak", "c1\u0085control",
    };

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task A_staff_display_name_with_hidden_controls_is_refused_with_the_message(string name)
    {
        await using var admin = registry.App.As(TestApp.AdminEmail);
        var created = await admin.Get<StaffService>().CreateAsync(new NewStaffForm { Email = "hostile.name@example.cn", DisplayName = name, Roles = [Roles.Auditor] });
        var error = Assert.Single(created.Errors);
        Assert.Equal((nameof(NewStaffForm.DisplayName), "Validation.ForbiddenCharacters"), (error.Field, error.MessageKey));
        Assert.Null(created.Value);
    }

    [Theory]
    [MemberData(nameof(HostileNames))]
    public async Task An_evidence_file_name_with_hidden_controls_is_refused_with_the_message(string name)
    {
        await using var manager = registry.App.As(RegistryApp.Manager);
        var text = Encoding.UTF8.GetBytes("evidence");
        var upload = await manager.Get<EvidenceService>().UploadAsync(EvidenceOwner.Assessment, 1, new MemoryStream(text), name + ".txt", text.Length);
        Assert.Equal("Validation.ForbiddenCharacters", upload.RefusalKey);
        Assert.Null(upload.Value);
    }

    [Fact]
    public void Ordinary_names_in_any_script_pass_the_shared_rule()
    {
        Assert.All(["王　五", "John Smith", "محمد", "עברית", "报告 2026.pdf", "emoji 😀"], name => Assert.False(SafeText.HasForbiddenCharacters(name)));
    }
}
