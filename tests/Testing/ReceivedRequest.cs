namespace ExtensibilityHost.Testing;

/// <summary>A request <see cref="LoopbackHttpServer"/> read.</summary>
/// <param name="Method">The method.</param>
/// <param name="Target">The request target (path and query).</param>
/// <param name="Headers">Header fields in order.</param>
/// <param name="Body">The body's bytes.</param>
public sealed record ReceivedRequest(string Method, string Target, IReadOnlyList<KeyValuePair<string, string>> Headers, byte[] Body)
{
    /// <summary>The first value of a header, or null.</summary>
    public string? Header(string name) => Headers.FirstOrDefault(h => h.Key.Equals(name, StringComparison.OrdinalIgnoreCase)).Value;
}
