namespace ExtensibilityHost.Core.Storage;

/// <summary>The outcome of storing a component binary.</summary>
public sealed record ComponentPutResult
{
    /// <summary>Whether the blob was created, already existed, or was refused.</summary>
    public required ComponentPutStatus Status { get; init; }

    /// <summary>The blob's name, <c>{tenant}/{sha256}.wasm</c>, with the hash it was offered under.</summary>
    public required string BlobName { get; init; }

    /// <summary>The SHA-256 the content actually hashes to (differs from the name's only for <see cref="ComponentPutStatus.HashMismatch"/>).</summary>
    public required string ContentSha256 { get; init; }

    /// <summary>The content's length in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>Whether an intact blob with the content now exists (created by this call or before it).</summary>
    public bool IsStored => Status is ComponentPutStatus.Created or ComponentPutStatus.AlreadyExists;

    internal static ComponentPutResult Of(ComponentPutStatus status, ComponentBlobName name, string contentSha256, long sizeBytes) => new()
    {
        Status = status,
        BlobName = name.ToString(),
        ContentSha256 = contentSha256,
        SizeBytes = sizeBytes,
    };
}
