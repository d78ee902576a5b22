namespace ComplianceConsole.Security;

public static class Roles
{
    public const string Verifier = "Verifier";
    public const string Reviewer = "Reviewer";
    public const string Manager = "Manager";
    public const string Auditor = "Auditor";
    public const string Administrator = "Administrator";

    public static readonly IReadOnlyList<string> All = [Verifier, Reviewer, Manager, Auditor, Administrator];
}
