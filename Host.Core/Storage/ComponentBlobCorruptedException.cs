namespace ExtensibilityHost.Core.Storage;

/// <summary>
/// A stored component blob no longer hashes to the SHA-256 in its name: the storage was
/// altered or damaged behind the store's back. An infrastructure fault, never a tenant error;
/// the blob is left as it is for an operator to inspect.
/// </summary>
public sealed class ComponentBlobCorruptedException : IOException
{
    /// <summary>Creates the exception for <paramref name="blobName"/>, whose content hashes to <paramref name="actualSha256"/>.</summary>
    public ComponentBlobCorruptedException(string blobName, string actualSha256)
        : base($"Component blob '{blobName}' is corrupt: its content hashes to {actualSha256}, not to the SHA-256 in its name.")
    {
        BlobName = blobName;
        ActualSha256 = actualSha256;
    }

    /// <summary>The corrupt blob, <c>{tenant}/{sha256}.wasm</c>.</summary>
    public string BlobName { get; }

    /// <summary>What the blob's content hashes to now.</summary>
    public string ActualSha256 { get; }
}
