using AngleSharp.Html.Parser;

namespace ComplianceConsole.Tests.Infrastructure;

/// <summary>Fills in and posts a statically rendered form the way a browser does, hidden fields and antiforgery token included.</summary>
public static class Forms
{
    public static async Task<HttpResponseMessage> PostAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields) =>
        await client.PostAsync(url, await FilledAsync(client, url, formName, fields));

    /// <summary>The form of the page drawn now, filled in: posted later, it is a form sent from a page that stayed open meanwhile.</summary>
    public static async Task<FormUrlEncodedContent> FilledAsync(HttpClient client, string url, string formName, Dictionary<string, string> fields)
    {
        var page = await client.GetAsync(url);
        Assert.True(page.IsSuccessStatusCode, $"GET {url} answered {(int)page.StatusCode}");
        var document = new HtmlParser().ParseDocument(await page.Content.ReadAsStringAsync());
        var form = document.Forms.FirstOrDefault(f => f.QuerySelector($"input[name=_handler][value='{formName}']") is not null)
            ?? throw new InvalidOperationException($"No form '{formName}' on {url}");
        var values = form.QuerySelectorAll("input[type=hidden]")
            .Select(input => (Name: input.GetAttribute("name"), Value: input.GetAttribute("value") ?? ""))
            .Where(input => input.Name is not null)
            .ToDictionary(input => input.Name!, input => input.Value);
        foreach (var (name, value) in fields) values[name] = value;
        return new FormUrlEncodedContent(values);
    }

    public static async Task<string> TextAsync(HttpResponseMessage response) =>
        new HtmlParser().ParseDocument(await response.Content.ReadAsStringAsync()).Body?.TextContent ?? "";
}
