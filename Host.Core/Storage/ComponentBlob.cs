namespace ExtensibilityHost.Core.Storage;

/// <summary>A stored component binary, as listed by <see cref="IComponentStore.ListAsync"/>.</summary>
public sealed record ComponentBlob
{
    /// <summary>The tenant that uploaded it.</summary>
    public required string TenantId { get; init; }

    /// <summary>The SHA-256 of its content (lowercase hex), from its name; verified only when it is read.</summary>
    public required string Sha256 { get; init; }

    /// <summary>Its length in bytes.</summary>
    public required long SizeBytes { get; init; }

    /// <summary>When it was written (blobs are write-once).</summary>
    public required DateTimeOffset CreatedAt { get; init; }

    /// <summary>Its name in the store, <c>{tenant}/{sha256}.wasm</c>.</summary>
    public string Name => $"{TenantId}/{Sha256}{ComponentBlobName.Extension}";
}
