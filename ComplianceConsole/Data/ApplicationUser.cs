using Microsoft.AspNetCore.Identity;

namespace ComplianceConsole.Data;

/// <summary>A staff member of the provider who signs in to the console.</summary>
public class ApplicationUser : IdentityUser
{
    public string DisplayName { get; set; } = "";

    /// <summary>A disabled account cannot sign in, and its open sessions end at the next revalidation.</summary>
    public bool IsDisabled { get; set; }

    /// <summary>The UI culture the person chose (zh-CN or en); null until they choose.</summary>
    public string? PreferredCulture { get; set; }

    public DateTime CreatedAtUtc { get; set; }
}
