using ComplianceConsole.Common;

namespace ComplianceConsole.Features.Exports;

/// <summary>What the export page asks for: the period as China Standard Time calendar days, both included.</summary>
public sealed class ExportForm
{
    public ExportKind? Kind { get; set; }
    public DateTime? FromDay { get; set; }
    public DateTime? ToDay { get; set; }
    public Dictionary<string, string> Filters { get; set; } = [];
    public bool Unmasked { get; set; }
    public string? UnmaskReason { get; set; }
}

/// <summary>The export form's rules, shared by the page (as the person types) and the service (which decides).</summary>
public static class ExportFormRules
{
    public const int ReasonMinLength = 5, ReasonMaxLength = 500;

    public static IReadOnlyList<FieldError> Validate(ExportForm form, IReadOnlyList<IExportSource> sources)
    {
        var errors = new List<FieldError>();
        var source = sources.FirstOrDefault(s => s.Kind == form.Kind);
        if (source is null) errors.Add(new(nameof(ExportForm.Kind), "Exports.KindRequired"));
        errors.AddRange(ValidatePeriodAndMasking(form));
        if (source is not null)
        {
            foreach (var (key, value) in form.Filters)
            {
                var filter = source.Filters.FirstOrDefault(f => f.Key == key);
                if (filter is null || filter.Options.All(o => o.Value != value)) errors.Add(new(nameof(ExportForm.Filters), "Exports.UnknownFilter", key));
            }
        }
        return errors;
    }

    /// <summary>The period and the masking alone: what an inspection pack (every kind, no filters) asks for.</summary>
    public static IReadOnlyList<FieldError> ValidatePeriodAndMasking(ExportForm form)
    {
        var errors = new List<FieldError>();
        if (form.FromDay is null) errors.Add(new(nameof(ExportForm.FromDay), "Exports.FromRequired"));
        if (form.ToDay is null) errors.Add(new(nameof(ExportForm.ToDay), "Exports.ToRequired"));
        if (form.FromDay is { } from && form.ToDay is { } to && from.Date > to.Date) errors.Add(new(nameof(ExportForm.ToDay), "Exports.ToBeforeFrom"));
        if (form.Unmasked)
        {
            var reason = form.UnmaskReason?.Trim() ?? "";
            if (reason.Length < ReasonMinLength) errors.Add(new(nameof(ExportForm.UnmaskReason), "Exports.ReasonRequired", ReasonMinLength));
            else if (reason.Length > ReasonMaxLength) errors.Add(new(nameof(ExportForm.UnmaskReason), "Exports.ReasonTooLong", ReasonMaxLength));
        }
        return errors;
    }
}
