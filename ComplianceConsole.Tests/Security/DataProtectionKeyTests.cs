using ComplianceConsole.Data;
using ComplianceConsole.Tests.Infrastructure;
using Microsoft.AspNetCore.DataProtection;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Security;

public sealed class DataProtectionKeyTests
{
    [Fact]
    public async Task The_keys_behind_sign_in_cookies_are_stored_encrypted_and_still_read_after_a_restart()
    {
        string protectedPayload, dataFolder;
        using (var first = new TestApp { KeepDataFolder = true })
        {
            dataFolder = first.DataFolderPath;
            protectedPayload = first.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Protect("a signed-in session");
            await using var db = await first.Services.GetRequiredService<IDbContextFactory<AppDbContext>>().CreateDbContextAsync();
            var stored = await db.DataProtectionKeys.Select(k => k.Xml!).ToListAsync();
            Assert.NotEmpty(stored);
            Assert.All(stored, xml =>
            {
                Assert.Contains("encryptedSecret", xml);
                Assert.DoesNotContain("<value>", xml); // the master key in the clear
            });
        }

        using var restarted = new TestApp(dataFolderPath: dataFolder);
        var unprotected = restarted.Services.GetRequiredService<IDataProtectionProvider>().CreateProtector("test").Unprotect(protectedPayload);
        Assert.Equal("a signed-in session", unprotected);
    }
}
