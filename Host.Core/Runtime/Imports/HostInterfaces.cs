namespace ExtensibilityHost.Core.Runtime.Imports;

/// <summary>
/// The fully-qualified names of the interfaces the host provides to components, as the generated
/// bindings of wit/ name them. Each version is served side by side with later ones, so a component
/// built against 1.0.0 keeps running.
/// </summary>
public static class HostInterfaces
{
    /// <summary>
    /// The versions of <c>saas:extensibility</c> the host serves, oldest first: a component built
    /// against any of them runs unchanged (wit/saas-extensibility, wit/saas-extensibility-1.1).
    /// The same host code serves each version's imports: each capability implements the generated
    /// interface of every version (<c>Contract.Saas.Extensibility.V1_0_0</c>, <c>V1_1_0</c>).
    /// </summary>
    public static readonly System.Collections.Immutable.ImmutableArray<string> ContractVersions = ["1.0.0", "1.1.0"];

    /// <summary>The WIT package these interfaces belong to.</summary>
    public const string Package = "saas:extensibility@1.0.0";

    /// <summary><c>saas:extensibility/logging@1.0.0</c></summary>
    public const string Logging = Contract.Saas.Extensibility.V1_0_0.Logging.LoggingImport.InterfaceName;

    /// <summary><c>saas:extensibility/key-value@1.0.0</c></summary>
    public const string KeyValue = Contract.Saas.Extensibility.V1_0_0.KeyValue.KeyValueImport.InterfaceName;

    /// <summary><c>saas:extensibility/config@1.0.0</c></summary>
    public const string Config = Contract.Saas.Extensibility.V1_0_0.Config.ConfigImport.InterfaceName;

    /// <summary><c>saas:extensibility/outbound-http@1.1.0</c>: HTTP requests to the origins an admin allowed (new in 1.1).</summary>
    public const string OutboundHttp = Contract.Saas.Extensibility.V1_1_0.OutboundHttp.OutboundHttpImport.InterfaceName;

    /// <summary><c>saas:extensibility/event-handler@1.0.0</c>, exported by event extensions.</summary>
    public const string EventHandler = Contract.Saas.Extensibility.V1_0_0.EventHandler.EventHandlerClient.InterfaceName;

    /// <summary><c>saas:extensibility/extension-point@1.0.0</c>, exported by point extensions.</summary>
    public const string ExtensionPoint = Contract.Saas.Extensibility.V1_0_0.ExtensionPoint.ExtensionPointClient.InterfaceName;
}
