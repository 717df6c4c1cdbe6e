using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.DependencyInjection;

namespace ExtensibilityHost.Testing.Api;

/// <summary>
/// A world the test hosts serve so tests can upload <c>outbound-fetch.wat</c>: it imports
/// <c>saas:extensibility/outbound-http@1.1.0</c> as wit/saas-extensibility-1.1 declares it and
/// requires the guest's own export <c>test:outbound/probe@1.0.0</c>, which no other guest has.
/// </summary>
public static class OutboundTestWorld
{
    /// <summary>The interface the guest exports, the world's one requirement.</summary>
    public const string Probe = "test:outbound/probe@1.0.0";

    /// <summary><c>saas:extensibility/outbound-http@1.1.0</c>.</summary>
    public static InterfaceDefinition OutboundHttp { get; } = InterfaceDefinition.Create(
        HostInterfaces.OutboundHttp,
        new WitFunction("fetch", ComponentFunctionSignature.Of(
            WitType.ResultOf(
                WitType.RecordOf(("status", WitType.U16), ("headers", WitType.String), ("body", WitType.String)),
                WitType.VariantOf(("forbidden", WitType.String), ("invalid-request", WitType.String), ("timeout", null), ("failed", WitType.String))),
            ("request", WitType.RecordOf(("method", WitType.String), ("url", WitType.String), ("headers", WitType.String), ("body", WitType.String))))));

    /// <summary><c>test:outbound/fetcher@1.0.0</c>.</summary>
    public static WorldDefinition World { get; } = new("test:outbound/fetcher@1.0.0", [OutboundHttp], [InterfaceDefinition.Create(Probe)]);

    /// <summary>Serves the host's own worlds and this one.</summary>
    public static void Register(IServiceCollection services) =>
        services.AddSingleton(new WorldCatalog([.. WorldCatalog.Default.Worlds, World]));
}
