namespace ExtensibilityHost.Core.Storage;

/// <summary>
/// Content-addressed, write-once storage of uploaded component binaries at
/// <c>{tenant}/{sha256}.wasm</c>. A blob is created with a conditional create and never
/// overwritten; its content is verified against its SHA-256 before it is committed and every
/// time it is read.
/// </summary>
/// <remarks>
/// Tenant ids (<see cref="TenantId"/>) and hashes (64 lowercase hex digits) are validated before
/// any I/O; an invalid one is a bug in the caller and throws <see cref="ArgumentException"/>.
/// </remarks>
public interface IComponentStore
{
    /// <summary>Stores <paramref name="content"/> as <c>{tenantId}/{sha256}.wasm</c> unless it is already stored.</summary>
    /// <returns>
    /// <see cref="ComponentPutStatus.Created"/>; <see cref="ComponentPutStatus.AlreadyExists"/> when an intact
    /// blob with this hash was there before (nothing is rewritten); or <see cref="ComponentPutStatus.HashMismatch"/>
    /// when the content does not hash to <paramref name="sha256"/> (nothing is left behind).
    /// </returns>
    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    /// <exception cref="ComponentBlobCorruptedException">A blob with this name exists but is corrupt; it is not overwritten.</exception>
    Task<ComponentPutResult> PutAsync(string tenantId, string sha256, ReadOnlyMemory<byte> content, CancellationToken cancellationToken = default);

    /// <summary>Stores the rest of <paramref name="content"/> as <c>{tenantId}/{sha256}.wasm</c> unless it is already stored.</summary>
    /// <returns>As for the <see cref="ReadOnlyMemory{T}"/> overload.</returns>
    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    /// <exception cref="ComponentBlobCorruptedException">A blob with this name exists but is corrupt; it is not overwritten.</exception>
    Task<ComponentPutResult> PutAsync(string tenantId, string sha256, Stream content, CancellationToken cancellationToken = default);

    /// <summary>Reads the blob's content and verifies that it hashes to <paramref name="sha256"/>.</summary>
    /// <returns>The content, or <see langword="null"/> when the tenant has no blob with this hash.</returns>
    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    /// <exception cref="ComponentBlobCorruptedException">The blob's content does not hash to <paramref name="sha256"/>.</exception>
    Task<byte[]?> ReadAsync(string tenantId, string sha256, CancellationToken cancellationToken = default);

    /// <summary>Whether the tenant has a blob with this hash (its content is not verified).</summary>
    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    Task<bool> ExistsAsync(string tenantId, string sha256, CancellationToken cancellationToken = default);

    /// <summary>Deletes the blob; for the sweeper of blobs no version refers to.</summary>
    /// <returns>Whether there was a blob to delete.</returns>
    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    Task<bool> DeleteAsync(string tenantId, string sha256, CancellationToken cancellationToken = default);

    /// <summary>Lists the stored blobs of one tenant, or of all tenants when <paramref name="tenantId"/> is null.</summary>
    /// <remarks>Only complete blobs are listed: never temporaries of puts in progress, never names the store did not write.</remarks>
    /// <exception cref="ArgumentException">The tenant id is invalid.</exception>
    IAsyncEnumerable<ComponentBlob> ListAsync(string? tenantId = null, CancellationToken cancellationToken = default);

    /// <summary>
    /// Deletes what puts that crashed or were killed left behind and that <see cref="ListAsync"/> never
    /// shows, once last written before <paramref name="olderThan"/>; for the orphan sweeper. A put in
    /// progress keeps writing its temporary, so a cutoff well in the past never removes a live one.
    /// </summary>
    /// <returns>How many were deleted; 0 for a store whose puts leave nothing behind.</returns>
    Task<int> DeleteStaleTemporariesAsync(DateTimeOffset olderThan, CancellationToken cancellationToken = default);

    /// <summary>Checks that the store can be reached and written, for <c>/health/ready</c>.</summary>
    /// <returns>Healthy or not, with a description; an unreachable store is a value, not an exception.</returns>
    Task<ComponentStoreHealth> CheckHealthAsync(CancellationToken cancellationToken = default);
}
