using ComplianceConsole.Data;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Security.Pii;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Verification;

public sealed class PiiKeyRotationTests : IDisposable
{
    private readonly TestApp _app = new();

    [Fact]
    public async Task Rotation_re_encrypts_every_record_with_a_new_key_and_keeps_lookups_working()
    {
        await _app.SubmitDirectlyAsync(new VerificationSubmission("rot-1", null, null, VerificationMethod.ResidentIdCard, "11010519491231002X", "欧阳娜娜", null));
        await _app.SubmitDirectlyAsync(new VerificationSubmission("rot-2", null, null, VerificationMethod.MobileNumber, "13812341234", "张三", null));
        var contexts = _app.Services.GetRequiredService<IDbContextFactory<AppDbContext>>();
        List<string> HashesOf(AppDbContext db) => db.VerificationRecords.OrderBy(r => r.Id).Select(r => r.IdentifierHash).ToList();
        List<string> before;
        await using (var db = await contexts.CreateDbContextAsync()) before = HashesOf(db);

        Assert.Equal(2, await _app.Services.GetRequiredService<PiiKeyRotation>().RotateAsync());

        var ring = PiiKeyRing.Load(_app.Services.GetRequiredService<IConfiguration>(), _app.Services.GetRequiredService<DataFolder>());
        Assert.Equal(2, ring.CurrentKeyId);
        var pii = new PiiProtector(ring);
        await using var after = await contexts.CreateDbContextAsync();
        var records = await after.VerificationRecords.OrderBy(r => r.Id).ToListAsync();
        Assert.All(records, r => Assert.True(pii.IsEncryptedWithCurrentKey(r.IdentifierCipher) && pii.IsEncryptedWithCurrentKey(r.RealNameCipher)));
        Assert.Equal(["11010519491231002X", "13812341234"], records.Select(r => pii.Decrypt(r.IdentifierCipher)));
        Assert.Equal(["欧阳娜娜", "张三"], records.Select(r => pii.Decrypt(r.RealNameCipher)));
        Assert.Equal(before, HashesOf(after));
    }

    public void Dispose() => _app.Dispose();
}
