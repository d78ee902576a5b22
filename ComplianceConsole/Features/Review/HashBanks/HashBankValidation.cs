using ComplianceConsole.Common;
using ComplianceConsole.Features.Review;

namespace ComplianceConsole.Features.Review.HashBanks;

/// <summary>What a bank and a banked hash may hold. A block bank flags with a violation reason; an allow bank has none.</summary>
public static class HashBankValidation
{
    public static List<FieldError> Bank(string name, HashBankKind kind, string? reasonCode, int matchDistance, string? note)
    {
        var errors = new List<FieldError>();
        if (name.Length == 0) errors.Add(new(nameof(HashBankForm.Name), "Validation.Required"));
        else if (name.Length > HashBankRules.MaxNameLength) errors.Add(new(nameof(HashBankForm.Name), "Validation.TooLong", HashBankRules.MaxNameLength));
        else if (SafeText.HasForbiddenCharacters(name)) errors.Add(new(nameof(HashBankForm.Name), "Validation.ForbiddenCharacters"));
        // The platform names the bank in the API's path: a "/" stays %2F there and "." or ".." are path steps, so such a bank could never be filled.
        else if (name.Contains('/') || name.All(c => c == '.')) errors.Add(new(nameof(HashBankForm.Name), "HashBank.NameNotInPath"));
        if (!Enum.IsDefined(kind)) errors.Add(new(nameof(HashBankForm.Kind), "HashBank.UnknownKind"));
        if (kind == HashBankKind.Block && ReviewReasonCodes.Find(reasonCode) is not { IsViolation: true })
            errors.Add(new(nameof(HashBankForm.ReasonCode), "HashBank.ReasonRequired"));
        if (matchDistance is < 0 or > PdqHashIndex.MaxSupportedDistance)
            errors.Add(new(nameof(HashBankForm.MatchDistance), "HashBank.DistanceRange", PdqHashIndex.MaxSupportedDistance));
        if (note is { Length: > HashBankRules.MaxNoteLength }) errors.Add(new(nameof(HashBankForm.Note), "Validation.TooLong", HashBankRules.MaxNoteLength));
        else if (SafeText.HasForbiddenCharactersInFreeText(note)) errors.Add(new(nameof(HashBankForm.Note), "Validation.ForbiddenCharacters"));
        return errors;
    }

    /// <summary>The hash in its stored form (lower-case hex), or the errors of the entry; fields are named as the API names them.</summary>
    public static (string? Hash, List<FieldError> Errors) Entry(HashEntryInput input)
    {
        var errors = new List<FieldError>();
        var hash = input.Hash?.Trim();
        if (string.IsNullOrEmpty(hash)) errors.Add(new("hash", "Validation.Required"));
        else if (!PdqHash.TryParse(hash, out _)) errors.Add(new("hash", "Content.PdqHashInvalid", PdqHash.HexLength));
        if (input.Quality is < 0 or > HashBankRules.MaxQuality) errors.Add(new("quality", "Content.PdqQualityInvalid", HashBankRules.MaxQuality));
        var note = input.Note?.Trim();
        if (note is { Length: > HashBankRules.MaxNoteLength }) errors.Add(new("note", "Validation.TooLong", HashBankRules.MaxNoteLength));
        else if (SafeText.HasForbiddenCharactersInFreeText(note)) errors.Add(new("note", "Validation.ForbiddenCharacters"));
        return (errors.Count == 0 ? hash!.ToLowerInvariant() : null, errors);
    }
}
