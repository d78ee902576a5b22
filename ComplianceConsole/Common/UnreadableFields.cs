namespace ComplianceConsole.Common;

/// <summary>
/// The date and time fields of one form that hold text nobody can read. Each such field shows why under itself; while any
/// does, the form does not save (a value that cannot be read is refused, never sent as empty).
/// </summary>
public sealed class UnreadableFields
{
    private readonly HashSet<string> _fields = [];

    public bool Any => _fields.Count > 0;

    public bool Contains(string field) => _fields.Contains(field);

    public void Set(string field, bool unreadable)
    {
        if (unreadable) _fields.Add(field);
        else _fields.Remove(field);
    }
}
