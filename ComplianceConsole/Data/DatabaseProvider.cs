namespace ComplianceConsole.Data;

/// <summary>The database the app runs on, chosen by <c>ComplianceConsole:Database:Provider</c>.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded file in the data folder: the default, nothing to install.</summary>
    Sqlite,

    /// <summary>A PostgreSQL server given by <c>ConnectionStrings:Default</c>, which several instances of the app can share.</summary>
    PostgreSql,
}
