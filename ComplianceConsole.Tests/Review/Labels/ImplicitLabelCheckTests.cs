using System.Globalization;
using ComplianceConsole.Features.Review;
using ComplianceConsole.Features.Review.Labels;
using ComplianceConsole.Localization;
using Microsoft.Extensions.Localization;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using static ComplianceConsole.Features.Review.Labels.ImplicitLabelFindingCodes;
using static ComplianceConsole.Tests.Review.Labels.ImplicitLabelFiles;

namespace ComplianceConsole.Tests.Review.Labels;

public sealed class ImplicitLabelCheckTests
{
    private static readonly ImplicitLabelReader Reader = new(new ImplicitLabelReaderOptions());

    private static ContentItem Declared(bool aiGenerated = true, AigcLabel? label = AigcLabel.AiGenerated, string? producer = null, string? produceId = "P-0001") => new()
    {
        DeclaredAiGenerated = aiGenerated, ImplicitLabel = LabelStatus.Present, AigcLabel = label,
        ContentProducer = producer ?? LabelingCode, ProduceId = produceId,
    };

    private static IReadOnlyList<ImplicitLabelFinding> Check(byte[] file, ContentItem? declared = null, string? ownLabelingCode = null) =>
        ImplicitLabelCheck.Findings(Reader.Read(file), declared ?? Declared(), ownLabelingCode);

    [Fact]
    public void One_good_label_that_agrees_with_the_declaration_raises_nothing()
    {
        Assert.Empty(Check(Jpeg(xmpJson: Json()), ownLabelingCode: LabelingCode));
        Assert.Empty(Check(Png(aigcText: Json(label: "2")), Declared(aiGenerated: false, label: AigcLabel.PossiblyAiGenerated)));
    }

    [Fact]
    public void A_file_without_a_label_or_that_cannot_be_read_says_so()
    {
        Assert.Equal([new ImplicitLabelFinding(None)], Check(Png()));
        Assert.Equal([new ImplicitLabelFinding(Unreadable, "UnknownFileType")], Check("garbage"u8.ToArray()));
    }

    [Fact]
    public void Thousands_of_copies_of_a_label_are_counted_while_only_the_first_few_are_kept_and_checked()
    {
        var reading = Reader.Read(Png(compressedAigcText: Json(produceId: "P-0002"), compressedCopies: 2_000));

        Assert.Equal(2_000, reading.LabelCount);
        Assert.Equal(new ImplicitLabelReaderOptions().MaxLabelsKept, reading.Labels.Count);
        var findings = ImplicitLabelCheck.Findings(reading, Declared(), null);
        var several = findings[0];
        Assert.Equal([Several, "2000"], [several.Code, several.Argument(FindingArgument.Count)]);
        Assert.Equal("PngText", several.Arguments[1]);
        Assert.Equal(new ImplicitLabelFinding(ProduceIdDiffersFromDeclared, "PngText", "P-0001", "P-0002"), Assert.Single(findings.Skip(1)));
        var view = new FileReadingView(FileReadingOrigin.Upload, FileReadingOutcome.Read, DateTime.UtcNow, "Png", 1, null,
            [.. reading.Labels.Select(l => new FileLabelView(l.Place, l.RawJson, l.Fields, l.ParseError))], findings, null, []);
        Assert.Equal(2_000, view.LabelCount);
    }

    [Fact]
    public void Two_labels_are_one_too_many_even_when_they_agree()
    {
        Assert.Equal([new ImplicitLabelFinding(Several, "2", "Xmp, PngText")], Check(Png(xmpJson: Json(), aigcText: Json())));
    }

    [Fact]
    public void Two_labels_that_differ_are_each_checked_and_named_by_place()
    {
        Assert.Equal(
            [new ImplicitLabelFinding(Several, "2", "Xmp, PngText"), new(ProduceIdDiffersFromDeclared, "PngText", "P-0001", "P-0002")],
            Check(Png(xmpJson: Json(), aigcText: Json(produceId: "P-0002"))));
    }

    [Fact]
    public void Malformed_JSON_is_named_with_what_is_wrong()
    {
        Assert.Equal([new ImplicitLabelFinding(Malformed, "PngText", AigcJson.InvalidJson, "")], Check(Png(aigcText: "{\"Label\":")));
        Assert.Equal([new ImplicitLabelFinding(Malformed, "Xmp", AigcJson.NotAString, "Label")],
            Check(Jpeg(xmpJson: Json().Replace("\"Label\":\"1\"", "\"Label\":1"))));
    }

    [Theory]
    [InlineData("4")]
    [InlineData("0")]
    [InlineData("")]
    public void A_Label_other_than_1_2_or_3_is_invalid(string label)
    {
        Assert.Equal([new ImplicitLabelFinding(LabelInvalid, "Xmp", label)], Check(Jpeg(xmpJson: Json(label: label))));
    }

    [Fact]
    public void A_missing_producer_or_produce_id_is_named()
    {
        var declared = Declared(produceId: null);
        declared.ContentProducer = null;
        Assert.Equal([new ImplicitLabelFinding(ProducerMissing, "Exif"), new(ProduceIdMissing, "Exif")], Check(Jpeg(userComment: """{"Label":"1"}"""), declared));
    }

    [Fact]
    public void A_credit_code_with_a_wrong_check_character_inside_the_producer_is_named()
    {
        var wrongCheck = LabelingCode[..21] + (LabelingCode[21] == '0' ? '1' : '0') + LabelingCode[22..];
        Assert.Equal([new ImplicitLabelFinding(ProducerCreditCodeInvalid, "Xmp", wrongCheck, "WrongCheckCharacter")],
            Check(Jpeg(xmpJson: Json(producer: wrongCheck)), Declared(producer: wrongCheck)));
        var bareCode = CreditCode[..17] + (CreditCode[17] == '0' ? '1' : '0');
        Assert.Equal([new ImplicitLabelFinding(ProducerCreditCodeInvalid, "Xmp", bareCode, "WrongCheckCharacter")],
            Check(Jpeg(xmpJson: Json(producer: bareCode)), Declared(producer: bareCode)));
    }

    [Fact]
    public void A_producer_named_rather_than_coded_is_not_checked_for_a_credit_code()
    {
        Assert.Empty(Check(Jpeg(xmpJson: Json(producer: "示例智能科技有限公司")), Declared(producer: "示例智能科技有限公司")));
    }

    [Fact]
    public void The_providers_own_output_must_carry_its_labeling_code()
    {
        var otherCode = "0011" + WithCheckCharacter("91310000MA1FL1234") + "2" + "ZZ99";
        Assert.Equal([new ImplicitLabelFinding(ProducerNotOwn, "Xmp", otherCode, LabelingCode)],
            Check(Jpeg(xmpJson: Json(producer: otherCode)), Declared(producer: otherCode), ownLabelingCode: LabelingCode));
    }

    [Fact]
    public void A_label_that_contradicts_the_declaration_is_named_field_by_field()
    {
        Assert.Equal(
            [
                new ImplicitLabelFinding(ContradictsDeclaredHumanMade, "Xmp"),
                new(LabelDiffersFromDeclared, "Xmp", "2", "1"),
                new(ProducerDiffersFromDeclared, "Xmp", "示例", LabelingCode),
                new(ProduceIdDiffersFromDeclared, "Xmp", "P-9", "P-0001"),
            ],
            Check(Jpeg(xmpJson: Json()), Declared(aiGenerated: false, label: AigcLabel.PossiblyAiGenerated, producer: "示例", produceId: "P-9")));
    }

    [Fact]
    public void A_label_in_the_file_when_the_platform_declared_none_is_named()
    {
        var declared = Declared();
        declared.ImplicitLabel = LabelStatus.Missing;
        Assert.Equal([new ImplicitLabelFinding(DeclaredMissing)], Check(Jpeg(xmpJson: Json()), declared));
    }

    [Fact]
    public void Every_finding_has_its_message_in_both_languages()
    {
        var resources = new System.Resources.ResourceManager(typeof(ComplianceConsole.Localization.SharedResource));
        foreach (var culture in new[] { "zh-CN", "en" })
        {
            var messages = Kinds.Select(kind => resources.GetString(new ImplicitLabelFinding(kind.Code).MessageKey, new System.Globalization.CultureInfo(culture))).ToList();
            Assert.All(messages, message => Assert.False(string.IsNullOrEmpty(message)));
            Assert.Equal(messages.Count, messages.Distinct().Count());
        }
    }

    [Theory]
    [InlineData("zh-CN")]
    [InlineData("en")]
    public void No_code_that_can_reach_the_file_label_panel_is_shown_raw_in_either_language(string culture)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        string[] places = Enum.GetNames<ImplicitLabelPlace>(), creditCodeErrors = Enum.GetNames<ComplianceConsole.Identifiers.UnifiedSocialCreditCodeError>(),
            outcomes = [.. Enum.GetNames<ImplicitLabelReadOutcome>().Except([nameof(ImplicitLabelReadOutcome.Read)])];
        string[] codes = [.. places, .. outcomes, .. AigcJson.Codes, .. creditCodeErrors];
        IEnumerable<string> Values(FindingArgument holds) => holds switch
        {
            FindingArgument.Place => [.. places, string.Join(", ", places)],
            FindingArgument.ReadOutcome => outcomes,
            FindingArgument.ParseError => AigcJson.Codes,
            FindingArgument.CreditCodeError => creditCodeErrors,
            FindingArgument.Field => ["", "Label"],
            FindingArgument.Count => ["2000"],
            _ => ["P-0001"],
        };
        // Every finding of every kind with every code its arguments can hold, and every reason a label's fields were not read.
        var texts = Kinds.SelectMany(kind => kind.Arguments
                .Aggregate((IEnumerable<string[]>)[[]], (heads, holds) => heads.SelectMany(head => Values(holds).Select(value => (string[])[.. head, value])))
                .Select(arguments => ImplicitLabelFindingText.Describe(localizer, new ImplicitLabelFinding(kind.Code, arguments))))
            .Concat(AigcJson.Codes.SelectMany(code => new[] { new AigcParseError(code), new AigcParseError(code, "Label") })
                .Select(error => ImplicitLabelFindingText.DescribeParseError(localizer, error)))
            .ToList();

        Assert.True(texts.Count > Kinds.Count + AigcJson.Codes.Count);
        foreach (var text in texts)
        {
            var raw = codes.Where(code => text.Contains(code, StringComparison.Ordinal)).ToList();
            Assert.True(raw.Count == 0, $"\"{text}\" shows {string.Join(", ", raw)} by its code");
        }
    }

    [Theory]
    [InlineData("zh-CN", "未知的文件类型", "XMP (TC260:AIGC)", "PNG 文本块 AIGC", "EXIF UserComment")]
    [InlineData("en", "the file type is not known", "XMP (TC260:AIGC)", "PNG text chunk AIGC", "EXIF UserComment")]
    public void Every_kind_of_finding_the_check_makes_names_places_and_outcomes_in_words_as_its_kind_declares(string culture, string notRead, params string[] places)
    {
        CultureInfo.CurrentUICulture = new CultureInfo(culture);
        var localizer = new StringLocalizer<SharedResource>(new ResourceManagerStringLocalizerFactory(Options.Create(new LocalizationOptions()), NullLoggerFactory.Instance));
        var otherCode = "0011" + WithCheckCharacter("91310000MA1FL1234") + "2" + "ZZ99";
        var wrongCheck = LabelingCode[..21] + (LabelingCode[21] == '0' ? '1' : '0') + LabelingCode[22..];
        var declaredNone = Declared(aiGenerated: false, label: AigcLabel.PossiblyAiGenerated, producer: "示例", produceId: "P-9");
        declaredNone.ImplicitLabel = LabelStatus.Missing;
        IReadOnlyList<ImplicitLabelFinding>[] checks =
        [
            Check("garbage"u8.ToArray()), Check(Png()), Check(Png(xmpJson: Json(label: "4"), aigcText: "{\"Label\":")),
            Check(Jpeg(userComment: """{"Label":"1"}""")), Check(Jpeg(xmpJson: Json()), declaredNone),
            Check(Jpeg(xmpJson: Json(producer: wrongCheck)), Declared(producer: wrongCheck)),
            Check(Jpeg(xmpJson: Json(producer: otherCode)), Declared(producer: otherCode), ownLabelingCode: LabelingCode),
        ];
        var findings = checks.SelectMany(f => f).ToList();
        Assert.Equal(Kinds.Select(k => k.Code).Order(), findings.Select(f => f.Code).Distinct().Order());

        foreach (var finding in findings)
        {
            var text = ImplicitLabelFindingText.Describe(localizer, finding);
            var declared = KindOf(finding.Code)!.Arguments;
            Assert.Equal(declared.Contains(FindingArgument.Place), places.Any(text.Contains));
            Assert.Equal(declared.Contains(FindingArgument.ReadOutcome), text.Contains(notRead));
            foreach (var code in Enum.GetNames<ImplicitLabelPlace>().Concat(Enum.GetNames<ImplicitLabelReadOutcome>().Except([nameof(ImplicitLabelReadOutcome.Read)])))
            {
                Assert.False(text.Contains(code, StringComparison.Ordinal), $"\"{text}\" names {code} by its code");
            }
        }
    }
}
