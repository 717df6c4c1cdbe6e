namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// Storage behind the <c>key-value</c> host import. Called synchronously from guest calls
/// (a guest call is a synchronous native call), so implementations must be thread-safe.
/// </summary>
public interface IKeyValueStore
{
    /// <summary>Returns the value under <paramref name="key"/> in <paramref name="scope"/>, or <see langword="null"/>.</summary>
    byte[]? Get(KeyValueScope scope, string key);

    /// <summary>
    /// Stores a value; returns <see langword="null"/> on success or a reason the guest can read
    /// (for example that the scope's entry limit is reached).
    /// </summary>
    string? Set(KeyValueScope scope, string key, byte[] value);

    /// <summary>Removes <paramref name="key"/>; a missing key is not an error.</summary>
    void Delete(KeyValueScope scope, string key);
}
