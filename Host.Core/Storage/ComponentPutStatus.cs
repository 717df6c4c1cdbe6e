namespace ExtensibilityHost.Core.Storage;

/// <summary>What <see cref="IComponentStore.PutAsync(string, string, ReadOnlyMemory{byte}, CancellationToken)"/> did.</summary>
public enum ComponentPutStatus
{
    /// <summary>The blob did not exist and was created with the content.</summary>
    Created,

    /// <summary>An intact blob with this hash already existed; nothing was written (puts are idempotent).</summary>
    AlreadyExists,

    /// <summary>The content does not hash to the SHA-256 it was offered under; nothing was written.</summary>
    HashMismatch,
}
