namespace ExtensibilityHost.Core.Persistence;

/// <summary>The database (section <c>ExtensibilityHost:Database</c>).</summary>
public sealed class PersistenceOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Database";

    /// <summary>Which database.</summary>
    public DatabaseProvider Provider { get; set; } = DatabaseProvider.Sqlite;

    /// <summary>
    /// The connection string. For SQLite it defaults to <c>{data dir}/exthost.db</c>; SQL Server requires one.
    /// </summary>
    public string? ConnectionString { get; set; }
}
