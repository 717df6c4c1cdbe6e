using System.Globalization;
using Microsoft.Data.Sqlite;

namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The data directory of a <see cref="HostProcess"/> seen from outside the host, dead or alive: its
/// SQLite database, read-only (WAL lets it be read while the host writes), and its file-system blobs.
/// </summary>
internal sealed class HostData(string directory)
{
    public string Directory { get; } = directory;

    /// <summary>The folder of a tenant's blobs: <c>{sha256}.wasm</c> files, and <c>.{sha256}.{guid}.tmp</c> temporaries of puts.</summary>
    public string BlobFolder(string tenant) => Path.Combine(Directory, "blobs", tenant);

    /// <summary>The tenant's stored blobs by hash (from their names).</summary>
    public Dictionary<string, FileInfo> Blobs(string tenant) =>
        Files(tenant, "*.wasm").ToDictionary(f => Path.GetFileNameWithoutExtension(f.Name), StringComparer.Ordinal);

    /// <summary>The temporaries of the tenant's puts: in progress, or left by a put the kill interrupted.</summary>
    public List<FileInfo> Temporaries(string tenant) => [.. Files(tenant, ".*.tmp")];

    /// <summary>
    /// Makes every blob and temporary of the tenant look <paramref name="age"/> old (blobs are
    /// write-once: their last write is their creation time): the grace period having passed while
    /// the host was down, without waiting for it.
    /// </summary>
    public void Age(string tenant, TimeSpan age)
    {
        var then = DateTime.UtcNow - age;
        foreach (var file in Files(tenant, "*"))
        {
            file.LastWriteTimeUtc = then;
        }
    }

    /// <summary>Runs a query and maps each row.</summary>
    public async Task<List<T>> QueryAsync<T>(string sql, Func<SqliteDataReader, T> map, params (string Name, object Value)[] parameters)
    {
        await using var connection = new SqliteConnection($"Data Source={Path.Combine(Directory, "exthost.db")};Mode=ReadOnly;Pooling=False");
        await connection.OpenAsync(TestContext.Current.CancellationToken);
        await using var command = connection.CreateCommand();
        command.CommandText = sql;
        foreach (var (name, value) in parameters)
        {
            command.Parameters.AddWithValue(name, value);
        }

        List<T> rows = [];
        await using var reader = await command.ExecuteReaderAsync(TestContext.Current.CancellationToken);
        while (await reader.ReadAsync(TestContext.Current.CancellationToken))
        {
            rows.Add(map(reader));
        }

        return rows;
    }

    /// <summary>A scalar count.</summary>
    public async Task<long> CountAsync(string sql, params (string Name, object Value)[] parameters) =>
        (await QueryAsync(sql, r => Convert.ToInt64(r.GetValue(0), CultureInfo.InvariantCulture), parameters)).Single();

    private IEnumerable<FileInfo> Files(string tenant, string pattern)
    {
        var folder = new DirectoryInfo(BlobFolder(tenant));
        return folder.Exists ? folder.EnumerateFiles(pattern) : [];
    }
}
