using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Tests.Review.Ingestion;

public sealed class LabelChecksTests
{
    [Fact]
    public void Labels_present_and_a_declaration_that_agrees_raise_nothing()
    {
        Assert.Empty(LabelChecks.Failures(LabelStatus.Present, LabelStatus.Present, AigcLabel.AiGenerated, declaredAiGenerated: true));
        Assert.Empty(LabelChecks.Failures(LabelStatus.Present, LabelStatus.Present, AigcLabel.PossiblyAiGenerated, declaredAiGenerated: false));
    }

    [Theory]
    [InlineData(LabelStatus.Missing, LabelStatus.Present, LabelCheckCodes.ExplicitMissing)]
    [InlineData(LabelStatus.Tampered, LabelStatus.Present, LabelCheckCodes.ExplicitTampered)]
    [InlineData(LabelStatus.Present, LabelStatus.Missing, LabelCheckCodes.ImplicitMissing)]
    [InlineData(LabelStatus.Present, LabelStatus.Tampered, LabelCheckCodes.ImplicitTampered)]
    public void A_missing_or_tampered_label_is_named(LabelStatus explicitLabel, LabelStatus implicitLabel, string code)
    {
        Assert.Equal([code], LabelChecks.Failures(explicitLabel, implicitLabel, null, declaredAiGenerated: true));
    }

    [Fact]
    public void An_AI_generated_label_on_content_the_user_declared_human_made_contradicts_the_declaration()
    {
        Assert.Equal([LabelCheckCodes.ContradictsDeclaration],
            LabelChecks.Failures(LabelStatus.Present, LabelStatus.Present, AigcLabel.AiGenerated, declaredAiGenerated: false));
        Assert.Equal([LabelCheckCodes.ExplicitMissing, LabelCheckCodes.ImplicitTampered, LabelCheckCodes.ContradictsDeclaration],
            LabelChecks.Failures(LabelStatus.Missing, LabelStatus.Tampered, AigcLabel.AiGenerated, declaredAiGenerated: false));
    }

    [Theory]
    [InlineData(LabelStatus.Present, LabelStatus.Present, LabelStatus.Present)]
    [InlineData(LabelStatus.Missing, LabelStatus.Present, LabelStatus.Missing)]
    [InlineData(LabelStatus.Present, LabelStatus.Missing, LabelStatus.Missing)]
    [InlineData(LabelStatus.Missing, LabelStatus.Tampered, LabelStatus.Tampered)]
    [InlineData(LabelStatus.Tampered, LabelStatus.Missing, LabelStatus.Tampered)]
    public void A_case_shows_the_worse_of_the_two_labels(LabelStatus explicitLabel, LabelStatus implicitLabel, LabelStatus worst)
    {
        Assert.Equal(worst, LabelChecks.Worst(explicitLabel, implicitLabel));
    }

    [Fact]
    public void Every_label_check_code_has_a_name_in_both_languages()
    {
        var resources = new System.Resources.ResourceManager(typeof(ComplianceConsole.Localization.SharedResource));
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var names = LabelCheckCodes.All.Select(code => resources.GetString(LabelCheckCodes.NameKey(code), new System.Globalization.CultureInfo(culture))).ToList();
            Assert.All(names, name => Assert.False(string.IsNullOrEmpty(name)));
            Assert.Equal(names.Count, names.Distinct().Count());
        }
        Assert.NotEqual(resources.GetString(LabelCheckCodes.NameKey(LabelCheckCodes.ExplicitMissing), new System.Globalization.CultureInfo("en")),
            resources.GetString(LabelCheckCodes.NameKey(LabelCheckCodes.ExplicitMissing), new System.Globalization.CultureInfo("zh-CN")));
    }
}
