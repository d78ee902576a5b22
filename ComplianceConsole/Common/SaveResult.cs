namespace ComplianceConsole.Common;

/// <summary>A field and the localised message key (with its arguments) that says what is wrong with it.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);

public enum SaveOutcome { Saved, Invalid, Conflict, Refused }

/// <summary>
/// What a save tells the page: saved; invalid input (each field and why); someone else changed the record
/// first; or refused by a business rule (a message key).
/// </summary>
public sealed record SaveResult(SaveOutcome Outcome, IReadOnlyList<FieldError> Errors, string? RefusalKey = null)
{
    public static readonly SaveResult Saved = new(SaveOutcome.Saved, []);
    public static readonly SaveResult Conflict = new(SaveOutcome.Conflict, []);

    public static SaveResult Invalid(IReadOnlyList<FieldError> errors) => new(SaveOutcome.Invalid, errors);

    public static SaveResult Refused(string messageKey) => new(SaveOutcome.Refused, [], messageKey);

    public bool Succeeded => Outcome == SaveOutcome.Saved;
}
