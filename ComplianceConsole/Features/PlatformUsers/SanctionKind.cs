namespace ComplianceConsole.Features.PlatformUsers;

/// <summary>The measures a provider takes against a platform user (Art. 10), from the mildest; a higher one outranks a lower.</summary>
public enum SanctionKind { Warning = 1, FunctionRestriction = 2, Suspension = 3, AccountClosure = 4 }
