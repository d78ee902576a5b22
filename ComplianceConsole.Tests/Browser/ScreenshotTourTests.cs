using System.Text.RegularExpressions;
using System.Xml.Linq;
using ComplianceConsole.Features.ApiKeys;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.HashBanks;
using ComplianceConsole.Features.Verification;
using ComplianceConsole.Localization;
using ComplianceConsole.Security;
using ComplianceConsole.Tests.Infrastructure;
using ComplianceConsole.Tests.Review.TimeLimitSettings;
using ComplianceConsole.Tests.Webhooks;
using Microsoft.AspNetCore.Http;
using Microsoft.Playwright;

namespace ComplianceConsole.Tests.Browser;

/// <summary>One staff member per role, records in every state (one with the longest note allowed) and an API key.</summary>
public sealed class TourBrowserApp : BrowserApp
{
    public long RecordId { get; private set; }
    public long WebhookEndpointId { get; private set; }
    public long HashBankId { get; private set; }

    public static string EmailOf(string role) => $"{role.ToLowerInvariant()}@tour.example.cn";

    protected override async Task ArrangeAsync()
    {
        await App.CompleteSetupAsync();
        foreach (var role in Roles.All) await App.CreateStaffAsync(EmailOf(role), role);
        await using (var admin = App.As(TestApp.AdminEmail))
        {
            await admin.Get<ApiKeyService>().CreateAsync("主站内容平台", [.. RolePermissions.ApiScopes]);
            WebhookEndpointId = await WebhookTourData.ArrangeAsync(App, admin);
        }
        string[][] people =
        [
            ["tour-1", "11010519491231002X", "欧阳娜娜"], ["tour-2", "13812341234", "张三"], ["tour-3", "91330100799655058B", "杭州智影科技有限公司"],
        ];
        foreach (var (person, index) in people.Select((p, i) => (p, i)))
        {
            var method = index switch { 0 => VerificationMethod.ResidentIdCard, 1 => VerificationMethod.MobileNumber, _ => VerificationMethod.UnifiedSocialCreditCode };
            await App.SubmitDirectlyAsync(new VerificationSubmission(person[0], null, null, method, person[1], person[2], DateTime.UtcNow.AddDays(index - 3)));
        }
        await using (var manager = App.As(EmailOf(Roles.Manager)))
        {
            // A keyword, and a pattern of nearly the longest a rule may be with no space to break at; a year's holidays.
            var rules = manager.Get<FeatureRuleService>();
            var longPattern = "(" + string.Join('|', Enumerable.Range(0, 199).Select(i => $"词{i:000}")) + ")";
            foreach (var (kind, value) in new[] { (FeatureRuleKind.Keyword, "一键换脸"), (FeatureRuleKind.Pattern, longPattern) })
            {
                var saved = await rules.SaveAsync(new FeatureRuleForm { Kind = kind, Value = value, ReasonCode = "fraud_impersonation" });
                Assert.True(saved.Succeeded, string.Join(", ", saved.Errors.Select(e => e.MessageKey)));
            }
            Assert.True((await manager.Get<WorkingCalendarService>().PasteAsync(NationalDay2026.Lines)).Succeeded);
            // A bank with the longest name allowed, no space to break at, and a hash in it.
            var banks = manager.Get<HashBankService>();
            var bankName = string.Concat(Enumerable.Repeat("辟谣图片", 25))[..HashBankRules.MaxNameLength];
            Assert.True((await banks.SaveBankAsync(new HashBankForm { Name = bankName, Kind = HashBankKind.Block, ReasonCode = "rumour" })).Succeeded);
            HashBankId = (await banks.GetBanksAsync()).Single().Id;
            await banks.AddEntriesAsync(HashBankId, [new HashEntryInput(new string('f', PdqHash.HexLength), 90, "平台删除的原图")], HashBankEntryOrigin.Manual);
        }
        await using var verifier = App.As(EmailOf(Roles.Verifier));
        var page = await verifier.Get<VerificationQueryService>().GetPageAsync(new VerificationPageRequest(new VerificationFilter(), VerificationSort.SubmittedNewest, 10));
        RecordId = page.Items.Single(r => r.ExternalUserId == "tour-1").Id;
        var note = string.Concat(Enumerable.Repeat("证件照片与本人不符，", 100))[..VerificationRules.MaxNoteLength]; // no spaces to break at
        var version = (int)(await verifier.Get<VerificationQueryService>().GetDetailAsync(RecordId))!.Record.Version;
        var rejected = await verifier.Get<VerificationDecisionService>().DecideAsync(RecordId, version, new DecisionRequest(VerificationAction.Reject, "other", note));
        Assert.True(rejected.Succeeded, rejected.ToString());
    }
}

/// <summary>
/// Every page (discovered like the authorisation sweep, so new pages join by themselves) as each role, at 1440 and
/// 1024 px, in Chinese and English. Screenshots land in screenshots/tour for a person to look at; the tour fails on
/// a page wider than the window, a console error, or text left untranslated.
/// </summary>
public sealed class ScreenshotTourTests(TourBrowserApp browser) : IClassFixture<TourBrowserApp>
{
    private static readonly int[] Widths = [1440, 1024];

    // Pages for signed-out people or single-use steps of a flow; each has its own tests.
    private static readonly string[] NotToured = ["/Account/Login", "/Account/LoginWith2fa", "/Account/LoginWithRecoveryCode", "/Account/Lockout",
        "/Account/ResetPassword", "/Account/ResetPasswordConfirmation", "/Account/InvalidPasswordReset", "/Account/InvalidUser",
        "/Account/Manage/EnableAuthenticator", "/Account/Manage/GenerateRecoveryCodes", "/Account/Manage/Disable2fa", "/setup", "/Error", "/not-found"];

    private string ConcretePath(string template) =>
        Regex.Replace(template, @"\{(?<name>[^}:]+)[^}]*\}", match => match.Groups["name"].Value switch
        {
            "Id" or "id" => browser.RecordId.ToString(),
            "EndpointId" => browser.WebhookEndpointId.ToString(),
            "BankId" => browser.HashBankId.ToString(),
            _ => match.Value, // an endpoint's parameter; a page left with one fails below
        });

    private List<DiscoveredRoute> PagesFor(string role) => RouteDiscovery.Discover(browser.App.Services, ConcretePath)
        .Where(r => r.IsPage && r.Method == HttpMethods.Get && !NotToured.Contains(r.Template, StringComparer.OrdinalIgnoreCase))
        .Where(r => r.Policies.All(policy => RolePermissions.Grants([role], policy)))
        .OrderBy(r => r.Path, StringComparer.Ordinal)
        .Select(r => r.Path.Contains('{')
            ? throw new InvalidOperationException($"The tour has no seeded value for the parameter of {r.Template}: add one to {nameof(TourBrowserApp)}.")
            : r)
        .ToList();

    [Fact]
    public void The_tour_finds_the_pages_it_must_show()
    {
        var paths = PagesFor(Roles.Administrator).Select(r => r.Path).ToList();
        Assert.Contains("/staff", paths);
        Assert.Contains("/access-denied", paths);
        Assert.Contains("/webhooks", paths);
        Assert.Contains($"/webhooks/{browser.WebhookEndpointId}", paths);
        Assert.Contains($"/verification/{browser.RecordId}", PagesFor(Roles.Verifier).Select(r => r.Path));
        Assert.Superset(new HashSet<string> { "/review/library", "/review/library/test", "/review/library/import", "/review/time-limits", "/review/calendar", "/review/find" },
            PagesFor(Roles.Manager).Select(r => r.Path).ToHashSet());
        Assert.Superset(new HashSet<string> { "/exports", "/exports/history", "/exports/schedules", "/exports/verify" },
            PagesFor(Roles.Manager).Select(r => r.Path).ToHashSet());
        Assert.Superset(new HashSet<string> { "/exports", "/exports/history", "/exports/verify" }, PagesFor(Roles.Auditor).Select(r => r.Path).ToHashSet());
    }

    [Fact]
    public async Task Every_page_as_every_role_at_both_widths_in_both_languages_fits_is_error_free_and_translated()
    {
        var folder = Path.Combine(BrowserApp.ScreenshotFolder, "tour");
        Directory.CreateDirectory(folder);
        var strings = UiStrings.Load();
        var problems = new List<string>();
        foreach (var role in Roles.All)
        {
            var page = await browser.NewPageAsync();
            var errors = new List<string>();
            page.Console += (_, message) => { if (message.Type == "error") errors.Add(message.Text); };
            page.PageError += (_, error) => errors.Add(error);
            await page.SignInAsync(TourBrowserApp.EmailOf(role));
            foreach (var culture in Cultures.Supported)
            {
                await page.Context.AddCookiesAsync([new Cookie
                {
                    Name = ".AspNetCore.Culture", Value = Uri.EscapeDataString($"c={culture}|uic={culture}"), Url = browser.BaseUrl,
                }]);
                foreach (var route in PagesFor(role))
                {
                    await page.SetViewportSizeAsync(Widths[0], 900);
                    await page.GotoAsync(route.Path.TrimStart('/'));
                    await WaitUntilSettledAsync(page);
                    foreach (var width in Widths)
                    {
                        await page.ResizeAndWaitForLayoutAsync(width, 900);
                        var where = $"{role} {culture} {width}px {route.Path}";
                        var slug = Regex.Replace(route.Path.Trim('/'), "[^A-Za-z0-9]+", "_");
                        var name = $"{role}-{culture}-{width}-{(slug.Length > 0 ? slug : "home")}.jpg";
                        await page.ScreenshotAsync(new() { Path = Path.Combine(folder, name), FullPage = true, Type = ScreenshotType.Jpeg, Quality = 80 });
                        if (await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > document.documentElement.clientWidth"))
                        {
                            problems.Add($"{where}: the page is wider than the window ({name})");
                        }
                        problems.AddRange((await strings.UntranslatedAsync(page, culture)).Select(text => $"{where}: untranslated \"{text}\" ({name})"));
                    }
                    // The access-denied page answers 403 on purpose; the browser logs that as a failed load.
                    problems.AddRange(errors.Where(e => !(route.Template == "/access-denied" && e.Contains("403")))
                        .Select(e => $"{role} {culture} {route.Path}: console error {e}"));
                    errors.Clear();
                }
            }
            if (role == Roles.Auditor) await AuditorSeesNoSelectionAsync(page, problems);
            await page.Context.CloseAsync();
        }
        Assert.True(problems.Count == 0, string.Join("\n", problems));
    }

    // Selection only serves bulk decisions, which an Auditor cannot make.
    private static async Task AuditorSeesNoSelectionAsync(IPage page, List<string> problems)
    {
        await page.GotoAsync("verification");
        await WaitUntilSettledAsync(page);
        if (await page.Locator(".verification-grid input[type=checkbox]").CountAsync() > 0) problems.Add("Auditor: the records grid offers selection checkboxes");
    }

    private static async Task WaitUntilSettledAsync(IPage page)
    {
        await page.WaitForLoadStateAsync(LoadState.Load);
        // Prerendered interactive pages carry a server component marker; statically rendered ones (account pages) never connect.
        if (await page.EvaluateAsync<bool>("() => document.documentElement.innerHTML.includes('Blazor:{\"type\":\"server\"')"))
        {
            await page.WaitForInteractiveAsync();
        }
        await page.Locator(".mud-progress-linear-indeterminate, .mud-table-loading").First.WaitForAsync(new() { State = WaitForSelectorState.Detached, Timeout = 10_000 });
        await page.WaitForNextPaintAsync();
    }

    /// <summary>
    /// The app's string table, to tell UI text left in the wrong language: a resource key shown as such (a missing
    /// string), a Chinese UI string on an English page, or an English UI string on a Chinese page. Data (names,
    /// notes) is never a whole UI string, so it does not count.
    /// </summary>
    private sealed class UiStrings
    {
        private static readonly Regex KeyLike = new(@"^[A-Z][A-Za-z]+(\.[A-Za-z0-9_-]+)+$");
        private readonly HashSet<string> _keys = [];
        private readonly HashSet<string> _chineseOnly = [];
        private readonly HashSet<string> _englishOnly = [];

        public static UiStrings Load()
        {
            var folder = Path.Combine(AppContext.BaseDirectory, "..", "..", "..", "..", "ComplianceConsole", "Localization");
            static Dictionary<string, string> Read(string file) => XDocument.Load(file).Root!.Elements("data")
                .ToDictionary(d => d.Attribute("name")!.Value, d => d.Element("value")!.Value.Trim());
            var chinese = Read(Path.Combine(folder, "SharedResource.resx"));
            var english = Read(Path.Combine(folder, "SharedResource.en.resx"));
            var strings = new UiStrings();
            foreach (var (key, zh) in chinese)
            {
                strings._keys.Add(key);
                var en = english.GetValueOrDefault(key, "");
                if (zh == en || zh.Contains('{') || en.Contains('{')) continue;
                if (zh.Length >= 2) strings._chineseOnly.Add(zh);
                if (en.Length >= 4 && en.Contains(' ')) strings._englishOnly.Add(en);
            }
            return strings;
        }

        public async Task<IReadOnlyList<string>> UntranslatedAsync(IPage page, string culture)
        {
            var texts = await page.EvaluateAsync<string[]>("""
                () => {
                    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT);
                    const texts = [];
                    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
                        const text = node.textContent.trim();
                        const parent = node.parentElement;
                        if (text && parent && parent.checkVisibility() && !parent.closest('[lang]:not(html)')) texts.push(text);
                    }
                    return texts;
                }
                """);
            var uiLanguage = culture == Cultures.English ? _chineseOnly : _englishOnly;
            return texts.Where(t => KeyLike.IsMatch(t) && !RolePermissions.All.Contains(t) || uiLanguage.Contains(t)).Distinct().ToList();
        }
    }
}
