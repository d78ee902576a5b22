namespace ComplianceConsole;

/// <summary>
/// Start-up cannot go on safely (a key file is missing, say): the message tells the operator what is wrong and what to do,
/// and is all that is printed — a stack trace would bury it.
/// </summary>
public sealed class StartupRefusedException(string message) : Exception(message);
