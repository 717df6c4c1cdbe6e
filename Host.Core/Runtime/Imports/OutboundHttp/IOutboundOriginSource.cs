namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// The allow-lists behind the <c>outbound-http</c> import: which origins each tenant's component
/// may reach. Called synchronously from guest calls, so implementations must be thread-safe and fast.
/// </summary>
public interface IOutboundOriginSource
{
    /// <summary>Whether the component may send requests to <paramref name="origin"/>.</summary>
    bool Allows(string tenantId, string componentName, OutboundOrigin origin);
}
