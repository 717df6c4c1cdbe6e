namespace ExtensibilityHost.Core.Persistence;

/// <summary>The database behind the host.</summary>
public enum DatabaseProvider
{
    /// <summary>An embedded SQLite file (the default).</summary>
    Sqlite,

    /// <summary>Microsoft SQL Server (production, several nodes).</summary>
    SqlServer,
}
