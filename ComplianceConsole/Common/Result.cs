namespace ComplianceConsole.Common;

/// <summary>A field and the localised message key (with its arguments) that says what is wrong with it.</summary>
public sealed record FieldError(string Field, string MessageKey, params object[] Arguments);

public enum ResultOutcome { Succeeded, Invalid, Conflict, Refused }

/// <summary>
/// The one shape of an expected outcome a page shows: done; invalid input (each field and why); someone else changed the
/// record first; or refused by a business rule (a localised message key and its arguments). Unexpected failures still throw.
/// </summary>
public sealed record Result(ResultOutcome Outcome, IReadOnlyList<FieldError> Errors, string? RefusalKey = null, object[]? RefusalArguments = null)
{
    public static readonly Result Ok = new(ResultOutcome.Succeeded, []);
    public static readonly Result Conflict = new(ResultOutcome.Conflict, []);

    public static Result Invalid(IReadOnlyList<FieldError> errors) => new(ResultOutcome.Invalid, errors);

    public static Result Refused(string messageKey, params object[] arguments) => new(ResultOutcome.Refused, [], messageKey, arguments);

    public bool Succeeded => Outcome == ResultOutcome.Succeeded;
}

/// <summary>The same, carrying what a success produced (a new record's id, a revealed value, a preview).</summary>
public sealed record Result<T>(ResultOutcome Outcome, T? Value, IReadOnlyList<FieldError> Errors, string? RefusalKey = null, object[]? RefusalArguments = null)
{
    public static Result<T> Ok(T value) => new(ResultOutcome.Succeeded, value, []);

    /// <summary>A failure says the same whatever a success would have carried.</summary>
    public static implicit operator Result<T>(Result failure) => failure.Succeeded
        ? throw new InvalidOperationException("A success carries its value: use Result<T>.Ok.")
        : new(failure.Outcome, default, failure.Errors, failure.RefusalKey, failure.RefusalArguments);

    public bool Succeeded => Outcome == ResultOutcome.Succeeded;

    /// <summary>The outcome without the value, for what shows any result (field errors, a refusal, a conflict).</summary>
    public Result WithoutValue => new(Outcome, Errors, RefusalKey, RefusalArguments);
}
