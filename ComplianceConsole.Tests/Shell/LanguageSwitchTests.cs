using System.Globalization;
using Bunit;
using ComplianceConsole.Components.Layout;
using Microsoft.AspNetCore.Components;
using Microsoft.Extensions.DependencyInjection;

namespace ComplianceConsole.Tests.Shell;

public class LanguageSwitchTests : ShellTestContext
{
    [Fact]
    public void Offers_both_languages_and_marks_the_current_one()
    {
        var languageSwitch = Render<LanguageSwitch>();
        var links = languageSwitch.FindAll("a");
        Assert.Equal(["中文", "English"], links.Select(a => a.TextContent));
        Assert.Equal("true", links[0].GetAttribute("aria-current"));
        Assert.Null(links[1].GetAttribute("aria-current"));
    }

    [Fact]
    public void In_english_the_english_link_is_current()
    {
        CultureInfo.CurrentUICulture = new CultureInfo("en");
        var links = Render<LanguageSwitch>().FindAll("a");
        Assert.Equal("true", links[1].GetAttribute("aria-current"));
    }

    [Fact]
    public void Switching_returns_to_the_page_the_person_is_on_even_after_they_navigate()
    {
        var navigation = Services.GetRequiredService<NavigationManager>();
        navigation.NavigateTo("audit?actor=a%40b.cn");
        var languageSwitch = Render<LanguageSwitch>();
        Assert.Equal("preferences/culture?culture=en&returnUrl=%2Faudit%3Factor%3Da%2540b.cn",
            languageSwitch.FindAll("a")[1].GetAttribute("href"));

        navigation.NavigateTo("staff");
        languageSwitch.WaitForAssertion(() =>
            Assert.Equal("preferences/culture?culture=en&returnUrl=%2Fstaff", languageSwitch.FindAll("a")[1].GetAttribute("href")));
    }
}
