using System.Buffers;
using System.Security.Cryptography;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Storage.FileSystem;

/// <summary>
/// Component binaries as files, <c>{root}/{tenant}/{sha256}.wasm</c>: the embedded default.
/// </summary>
/// <remarks>
/// A put writes a temporary file <c>.{sha256}.{guid}.tmp</c> in the tenant's folder, flushes it to
/// disk, checks its hash, then links it to its final name with <c>File.Move(overwrite: false)</c>,
/// which on Linux is <c>link(2)</c>: atomic, and refused when the name exists. That is the
/// conditional create — no check-then-write window — and readers never see a partial file. A
/// crash mid-put leaves only a temporary, which <see cref="IsTemporaryFileName"/> recognises,
/// listing skips, and <see cref="DeleteStaleTemporariesAsync"/> (the orphan sweeper) removes once old. The folder itself is not fsynced (.NET cannot open a directory), so after
/// a power loss a just-created name may be missing, but never present with incomplete content.
/// </remarks>
internal sealed partial class FileSystemComponentStore : IComponentStore
{
    private const string TemporarySuffix = ".tmp";
    private const int CopyBufferSize = 81920;

    /// <summary>Striped locks naming blobs, by hash: puts of the same bytes serialise, others rarely wait.</summary>
    private static readonly SemaphoreSlim[] MoveLocks = [.. Enumerable.Range(0, 64).Select(_ => new SemaphoreSlim(1, 1))];

    private readonly ILogger<FileSystemComponentStore> _logger;

    public FileSystemComponentStore(string root, ILogger<FileSystemComponentStore> logger)
    {
        ArgumentException.ThrowIfNullOrWhiteSpace(root);
        ArgumentNullException.ThrowIfNull(logger);
        Root = Path.GetFullPath(root);
        _logger = logger;
    }

    /// <summary>The folder holding one subfolder per tenant.</summary>
    public string Root { get; }

    /// <summary>
    /// Whether <paramref name="fileName"/> is a temporary this store writes (<c>.{anything}.tmp</c>):
    /// a put in progress, or the leftover of one that crashed, for a sweeper to delete once old.
    /// </summary>
    public static bool IsTemporaryFileName(string fileName)
    {
        ArgumentNullException.ThrowIfNull(fileName);
        return fileName.StartsWith('.') && fileName.EndsWith(TemporarySuffix, StringComparison.Ordinal);
    }

    internal string PathOf(ComponentBlobName name) => Path.Combine(Root, name.Tenant, name.FileName);

    public async Task<ComponentPutResult> PutAsync(string tenantId, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);

        // Hashed before any I/O: a mismatch then touches nothing.
        var contentSha256 = ComponentHash.Of(content.Span);
        if (!string.Equals(contentSha256, name.Sha256, StringComparison.Ordinal))
        {
            ComponentStoreLog.HashMismatch(_logger, name, contentSha256);
            return ComponentPutResult.Of(ComponentPutStatus.HashMismatch, name, contentSha256, content.Length);
        }

        return await PutCoreAsync(name, async (file, token) =>
        {
            await file.WriteAsync(content, token);
            return (contentSha256, content.Length);
        }, cancellationToken);
    }

    public async Task<ComponentPutResult> PutAsync(string tenantId, string sha256, Stream content, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        ArgumentNullException.ThrowIfNull(content);

        // Streamed to the temporary file while hashing, so a large upload is never held in memory.
        return await PutCoreAsync(name, async (file, token) =>
        {
            using var hash = IncrementalHash.CreateHash(HashAlgorithmName.SHA256);
            var buffer = ArrayPool<byte>.Shared.Rent(CopyBufferSize);
            try
            {
                long size = 0;
                int read;
                while ((read = await content.ReadAsync(buffer, token)) > 0)
                {
                    hash.AppendData(buffer, 0, read);
                    await file.WriteAsync(buffer.AsMemory(0, read), token);
                    size += read;
                }

                return (Convert.ToHexStringLower(hash.GetHashAndReset()), size);
            }
            finally
            {
                ArrayPool<byte>.Shared.Return(buffer);
            }
        }, cancellationToken);
    }

    public async Task<byte[]?> ReadAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        byte[] content;
        try
        {
            content = await File.ReadAllBytesAsync(PathOf(name), cancellationToken);
        }
        catch (Exception exception) when (exception is FileNotFoundException or DirectoryNotFoundException)
        {
            return null;
        }

        var actual = ComponentHash.Of(content);
        if (!string.Equals(actual, name.Sha256, StringComparison.Ordinal))
        {
            ComponentStoreLog.Corrupt(_logger, name, actual);
            throw new ComponentBlobCorruptedException(name.ToString(), actual);
        }

        return content;
    }

    public Task<bool> ExistsAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        cancellationToken.ThrowIfCancellationRequested();
        return Task.FromResult(File.Exists(PathOf(name)));
    }

    public Task<bool> DeleteAsync(string tenantId, string sha256, CancellationToken cancellationToken = default)
    {
        var name = ComponentBlobName.Of(tenantId, sha256);
        cancellationToken.ThrowIfCancellationRequested();
        var path = PathOf(name);
        if (!File.Exists(path))
        {
            return Task.FromResult(false);
        }

        // The tenant's folder stays: removing it could race with a put that has just created it.
        File.Delete(path);
        ComponentStoreLog.Deleted(_logger, name);
        return Task.FromResult(true);
    }

    public IAsyncEnumerable<ComponentBlob> ListAsync(string? tenantId = null, CancellationToken cancellationToken = default)
    {
        if (tenantId is not null)
        {
            TenantId.Require(tenantId);
        }

        return List(tenantId, cancellationToken).ToAsyncEnumerable();
    }

    public Task<int> DeleteStaleTemporariesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default)
    {
        if (!Directory.Exists(Root))
        {
            return Task.FromResult(0);
        }

        // The root holds the health probe's temporaries, each tenant's folder those of its puts.
        var folders = Directory.EnumerateDirectories(Root).Where(d => TenantId.IsValid(Path.GetFileName(d))).Prepend(Root);
        var deleted = 0;
        foreach (var folder in folders)
        {
            foreach (var file in new DirectoryInfo(folder).EnumerateFiles($".*{TemporarySuffix}"))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (!IsTemporaryFileName(file.Name) || file.LastWriteTimeUtc >= olderThan.UtcDateTime)
                {
                    continue;
                }

                try
                {
                    file.Delete();
                }
                catch (IOException exception)
                {
                    // Still open on Windows, say; the next pass tries again.
                    LogTemporaryNotDeleted(file.FullName, exception);
                    continue;
                }

                deleted++;
                LogTemporaryDeleted(file.FullName, new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero));
            }
        }

        return Task.FromResult(deleted);
    }

    public async Task<ComponentStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default)
    {
        var probe = Path.Combine(Root, $".health.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            Directory.CreateDirectory(Root);
            await File.WriteAllBytesAsync(probe, [], cancellationToken);
            File.Delete(probe);
            return new ComponentStoreHealth(true, $"Component blobs in {Root} (writable).");
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
        {
            LogUnhealthy(Root, exception);
            return new ComponentStoreHealth(false, $"Component blobs in {Root}: not writable ({exception.Message}).", exception);
        }
    }

    private async Task<ComponentPutResult> PutCoreAsync(
        ComponentBlobName name,
        Func<FileStream, CancellationToken, Task<(string Sha256, long Size)>> write,
        CancellationToken cancellationToken)
    {
        var directory = Path.Combine(Root, name.Tenant);
        Directory.CreateDirectory(directory);
        var path = Path.Combine(directory, name.FileName);
        var temporary = Path.Combine(directory, $".{name.Sha256}.{Guid.NewGuid():N}{TemporarySuffix}");
        try
        {
            string contentSha256;
            long size;
            await using (var file = new FileStream(temporary, new FileStreamOptions
            {
                Mode = FileMode.CreateNew,
                Access = FileAccess.Write,
                Share = FileShare.None,
                Options = FileOptions.Asynchronous,
            }))
            {
                (contentSha256, size) = await write(file, cancellationToken);

                // On disk before it gets its name: after a crash the name never refers to lost data.
                file.Flush(flushToDisk: true);
            }

            if (!string.Equals(contentSha256, name.Sha256, StringComparison.Ordinal))
            {
                ComponentStoreLog.HashMismatch(_logger, name, contentSha256);
                return ComponentPutResult.Of(ComponentPutStatus.HashMismatch, name, contentSha256, size);
            }

            // A no-replace move is not atomic on every file system (.NET falls back to check-then-rename
            // where hard links are not available): one put at a time names a blob in this process.
            bool moved;
            var moveLock = MoveLocks[(name.Sha256.GetHashCode(StringComparison.Ordinal) & int.MaxValue) % MoveLocks.Length];
            await moveLock.WaitAsync(cancellationToken);
            try
            {
                moved = !File.Exists(path) && TryMove(temporary, path);
            }
            finally
            {
                moveLock.Release();
            }

            if (!moved)
            {
                await VerifyExistingAsync(name, path, cancellationToken);
                ComponentStoreLog.AlreadyExists(_logger, name);
                return ComponentPutResult.Of(ComponentPutStatus.AlreadyExists, name, contentSha256, size);
            }

            ComponentStoreLog.Created(_logger, name, size);
            return ComponentPutResult.Of(ComponentPutStatus.Created, name, contentSha256, size);
        }
        finally
        {
            // Gone already after a successful move; otherwise the put failed, mismatched or lost the race.
            File.Delete(temporary);
        }
    }

    /// <summary>Moves the temporary into place; false when another process named the blob first.</summary>
    private static bool TryMove(string temporary, string path)
    {
        try
        {
            File.Move(temporary, path, overwrite: false);
            return true;
        }
        catch (IOException) when (File.Exists(path))
        {
            return false;
        }
    }

    /// <summary>An existing blob counts as "already stored" only when it is intact: a corrupt one is reported, never overwritten.</summary>
    private async Task VerifyExistingAsync(ComponentBlobName name, string path, CancellationToken cancellationToken)
    {
        string actual;
        await using (var existing = new FileStream(path, FileMode.Open, FileAccess.Read, FileShare.Read, CopyBufferSize, FileOptions.Asynchronous | FileOptions.SequentialScan))
        {
            actual = Convert.ToHexStringLower(await SHA256.HashDataAsync(existing, cancellationToken));
        }

        if (!string.Equals(actual, name.Sha256, StringComparison.Ordinal))
        {
            ComponentStoreLog.Corrupt(_logger, name, actual);
            throw new ComponentBlobCorruptedException(name.ToString(), actual);
        }
    }

    private IEnumerable<ComponentBlob> List(string? tenantId, CancellationToken cancellationToken)
    {
        if (!Directory.Exists(Root))
        {
            yield break;
        }

        var tenants = tenantId is not null
            ? [tenantId]
            : Directory.EnumerateDirectories(Root).Select(Path.GetFileName).Where(TenantId.IsValid).Order(StringComparer.Ordinal).ToList();
        foreach (var tenant in tenants)
        {
            var directory = new DirectoryInfo(Path.Combine(Root, tenant!));
            if (!directory.Exists)
            {
                continue;
            }

            foreach (var file in directory.EnumerateFiles("*" + ComponentBlobName.Extension))
            {
                cancellationToken.ThrowIfCancellationRequested();
                if (ComponentBlobName.TryParse(tenant!, file.Name, out var name) && Describe(name, file) is { } blob)
                {
                    yield return blob;
                }
            }
        }
    }

    private static ComponentBlob? Describe(ComponentBlobName name, FileInfo file)
    {
        try
        {
            return new ComponentBlob
            {
                TenantId = name.Tenant,
                Sha256 = name.Sha256,
                SizeBytes = file.Length,

                // Write-once: the content's last write is the blob's creation (birth times are not on every file system).
                CreatedAt = new DateTimeOffset(file.LastWriteTimeUtc, TimeSpan.Zero),
            };
        }
        catch (FileNotFoundException)
        {
            // Deleted while being listed.
            return null;
        }
    }
}
