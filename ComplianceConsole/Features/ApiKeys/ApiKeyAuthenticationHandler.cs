using System.Security.Claims;
using System.Text.Encodings.Web;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using Microsoft.AspNetCore.Authentication;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Options;

namespace ComplianceConsole.Features.ApiKeys;

/// <summary>
/// Authenticates the provider's systems by the key in <c>X-Api-Key</c> (or <c>Authorization: Bearer</c>).
/// The principal is named <c>api:KEY NAME</c> and carries the key's scopes as permission claims. A refusal says which of three
/// it was (no key, a malformed one, one unknown or revoked) and names the scheme in <c>WWW-Authenticate</c>, as every 401 must.
/// </summary>
public sealed class ApiKeyAuthenticationHandler(
    IOptionsMonitor<AuthenticationSchemeOptions> options, ILoggerFactory logger, UrlEncoder encoder,
    IDbContextFactory<AppDbContext> contextFactory, ApiKeyCache cache, TimeProvider clock, IStringLocalizer<SharedResource> localizer)
    : AuthenticationHandler<AuthenticationSchemeOptions>(options, logger, encoder)
{
    public const string SchemeName = PermissionClaims.ApiKeyScheme;
    public const string HeaderName = "X-Api-Key";
    private static readonly TimeSpan LastUsedResolution = TimeSpan.FromMinutes(1);

    protected override async Task<AuthenticateResult> HandleAuthenticateAsync()
    {
        var presented = PresentedKey();
        if (presented is null) return AuthenticateResult.NoResult();
        if (ApiKeySecret.PrefixOf(presented) is not { } prefix) return AuthenticateResult.Fail("Malformed API key.");

        var key = await cache.GetAsync(prefix, LoadAsync);
        if (key is null || key.Revoked || !ApiKeySecret.Matches(presented, key.SecretHash))
        {
            return AuthenticateResult.Fail("Unknown or revoked API key.");
        }
        var now = clock.GetUtcNow().UtcDateTime;
        if (key.LastUsedAtUtc is not { } used || now - used > LastUsedResolution) await RecordUseAsync(key, now);

        var identity = new ClaimsIdentity(
            [
                new Claim(ClaimTypes.NameIdentifier, AuditActor.ApiKeyIdPrefix + key.Prefix),
                new Claim(ClaimTypes.Name, $"api:{key.Name}"),
                .. key.Scopes.Select(scope => new Claim(PermissionClaims.Type, scope)),
            ],
            SchemeName);
        return AuthenticateResult.Success(new AuthenticationTicket(new ClaimsPrincipal(identity), SchemeName));
    }

    private async Task<KnownApiKey?> LoadAsync(string prefix)
    {
        await using var db = await contextFactory.CreateDbContextAsync(Context.RequestAborted);
        return await db.ApiKeys.AsNoTracking().Where(k => k.Prefix == prefix)
            .Select(k => new KnownApiKey(k.Prefix, k.Name, k.SecretHash, k.Scopes, k.RevokedAtUtc != null, k.LastUsedAtUtc))
            .SingleOrDefaultAsync(Context.RequestAborted);
    }

    /// <summary>Records the key's use to the minute; the next call looks the key up again and sees it.</summary>
    private async Task RecordUseAsync(KnownApiKey key, DateTime now)
    {
        await using var db = await contextFactory.CreateDbContextAsync(Context.RequestAborted);
        await db.ApiKeys.Where(k => k.Prefix == key.Prefix).ExecuteUpdateAsync(k => k.SetProperty(x => x.LastUsedAtUtc, now), Context.RequestAborted);
        cache.Forget(key.Prefix);
    }

    private string? PresentedKey()
    {
        if (Request.Headers.TryGetValue(HeaderName, out var header) && !string.IsNullOrWhiteSpace(header)) return header.ToString().Trim();
        var authorization = Request.Headers.Authorization.ToString();
        return authorization.StartsWith("Bearer ", StringComparison.OrdinalIgnoreCase) ? authorization[7..].Trim() : null;
    }

    // The API answers with status codes and problem details, never with a redirect to the sign-in page. The challenge (RFC 6750):
    // the key may come as a bearer token, and a key that was sent but not accepted is an invalid token. A well-formed key is only
    // challenged when it was refused: one accepted but short of a scope is forbidden instead.
    protected override Task HandleChallengeAsync(AuthenticationProperties properties)
    {
        var presented = PresentedKey();
        Response.Headers.WWWAuthenticate = presented is null ? $"Bearer realm=\"{Realm}\"" : $"Bearer realm=\"{Realm}\", error=\"invalid_token\"";
        var refusal = presented is null ? "Api.KeyRequired" : ApiKeySecret.PrefixOf(presented) is null ? "Api.KeyMalformed" : "Api.KeyRefused";
        return WriteProblemAsync(StatusCodes.Status401Unauthorized, localizer[refusal]);
    }

    private const string Realm = "ComplianceConsole API";

    protected override Task HandleForbiddenAsync(AuthenticationProperties properties) =>
        WriteProblemAsync(StatusCodes.Status403Forbidden, localizer["Api.ScopeMissing"]);

    private Task WriteProblemAsync(int status, string detail)
    {
        Response.StatusCode = status;
        return Results.Problem(statusCode: status, detail: detail).ExecuteAsync(Context);
    }
}
