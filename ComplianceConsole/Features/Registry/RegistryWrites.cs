using ComplianceConsole.Common;
using ComplianceConsole.Data;
using ComplianceConsole.Features.Audit;

namespace ComplianceConsole.Features.Registry;

/// <summary>What every registry write does the same way: text checks, and a new row saved first so its audit event names it by id.</summary>
internal static class RegistryWrites
{
    public static void RequireText(List<FieldError> errors, string field, string? value, int max)
    {
        if (string.IsNullOrWhiteSpace(value)) errors.Add(new(field, "Validation.Required"));
        else OptionalText(errors, field, value, max);
    }

    public static void OptionalText(List<FieldError> errors, string field, string? value, int max)
    {
        if (value is null) return;
        if (value.Trim().Length > max) errors.Add(new(field, "Validation.TooLong", max));
        else if (SafeText.HasForbiddenCharactersInFreeText(value)) errors.Add(new(field, "Validation.ForbiddenCharacters"));
    }

    public static async Task SaveNewWithAuditAsync(AppDbContext db, AuditTrail audit, AuditActor actor, string action, string targetType, Func<long> id,
        Func<object> details, CancellationToken cancellationToken)
    {
        await using var appender = await audit.BeginAsync(db, cancellationToken: cancellationToken);
        await db.SaveChangesAsync(cancellationToken);
        await appender.SaveWithAuditAsync(db, actor, action, targetType, id().ToString(System.Globalization.CultureInfo.InvariantCulture), details(), cancellationToken);
        await appender.CommitAsync(cancellationToken);
    }
}
