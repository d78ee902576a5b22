namespace ComplianceConsole.Security.Files;

/// <summary>
/// A file went past one of the <see cref="FileLimitsOptions"/> while being read row by row, where an iterator has no other way
/// to stop; readers catch it at their entry and answer with <see cref="MessageKey"/>. It is an <see cref="IOException"/>
/// so a reader that only knows "unreadable" still refuses the file.
/// </summary>
public sealed class FileLimitException(string messageKey) : IOException(messageKey)
{
    public string MessageKey { get; } = messageKey;
}
