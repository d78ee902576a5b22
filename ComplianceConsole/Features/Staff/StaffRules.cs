using System.Net.Mail;
using ComplianceConsole.Common;
using ComplianceConsole.Security;

namespace ComplianceConsole.Features.Staff;

public static class StaffRules
{
    public const int MaxDisplayNameLength = 100;
    public const int MaxEmailLength = 256;

    public static IReadOnlyList<FieldError> Validate(NewStaffForm form)
    {
        var errors = new List<FieldError>();
        var email = form.Email.Trim();
        if (email.Length > MaxEmailLength) errors.Add(new(nameof(form.Email), "Validation.TooLong", MaxEmailLength));
        else if (!MailAddress.TryCreate(email, out var address) || address.Address != email)
            errors.Add(new(nameof(form.Email), "Validation.Email"));
        var name = form.DisplayName.Trim();
        if (name.Length == 0) errors.Add(new(nameof(form.DisplayName), "Validation.Required"));
        else if (name.Length > MaxDisplayNameLength) errors.Add(new(nameof(form.DisplayName), "Validation.TooLong", MaxDisplayNameLength));
        else if (SafeText.HasForbiddenCharacters(name)) errors.Add(new(nameof(form.DisplayName), "Validation.ForbiddenCharacters"));
        errors.AddRange(ValidateRoles(form.Roles));
        return errors;
    }

    public static IEnumerable<FieldError> ValidateRoles(IReadOnlyCollection<string> roles)
    {
        if (roles.Count == 0) yield return new(nameof(NewStaffForm.Roles), "Staff.RoleRequired");
        if (roles.FirstOrDefault(r => !Roles.All.Contains(r)) is { } unknown) yield return new(nameof(NewStaffForm.Roles), "Staff.UnknownRole", unknown);
    }
}
