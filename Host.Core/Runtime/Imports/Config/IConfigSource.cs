namespace ExtensibilityHost.Core.Runtime.Imports.Config;

/// <summary>
/// Settings behind the <c>config</c> host import, per tenant and component. Called synchronously
/// from guest calls, so implementations must be thread-safe and fast.
/// </summary>
public interface IConfigSource
{
    /// <summary>Returns the setting, or <see langword="null"/> when it is not set.</summary>
    string? Get(string tenantId, string componentName, string key);
}
