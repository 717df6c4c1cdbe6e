using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>The WASI allow-list as <c>AddExtensibilityHost</c> binds and validates it.</summary>
public sealed class WasiOptionsTests
{
    private static ServiceProvider Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddExtensibilityHost(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        return services.BuildServiceProvider();
    }

    [Fact]
    public void Bind_NoConfiguration_AllowsTheDefaultsButNotSockets()
    {
        using var provider = Build([]);

        var policy = provider.GetRequiredService<WasiPolicy>();

        Assert.True(policy.Enabled);
        Assert.Equal(WasiInterfaces.DefaultAllowed, policy.AllowedInterfaces);
        Assert.Contains("wasi:filesystem/types", policy.AllowedInterfaces);
        Assert.DoesNotContain(policy.AllowedInterfaces, i => i.StartsWith("wasi:sockets/", StringComparison.Ordinal));
    }

    [Fact]
    public void Bind_ConfiguredList_ReplacesTheDefaults()
    {
        using var provider = Build(new()
        {
            ["ExtensibilityHost:Wasi:AllowedInterfaces:0"] = "wasi:cli/stdout",
            ["ExtensibilityHost:Wasi:AllowedInterfaces:1"] = "wasi:io/streams",
        });

        Assert.Equal(["wasi:cli/stdout", "wasi:io/streams"], provider.GetRequiredService<WasiPolicy>().AllowedInterfaces);
    }

    [Fact]
    public void Validate_UnknownInterface_FailsNamingItAndTheKnownOnes()
    {
        using var provider = Build(new()
        {
            ["ExtensibilityHost:Wasi:AllowedInterfaces:0"] = "wasi:cli/stdot",
            ["ExtensibilityHost:Wasi:AllowedInterfaces:1"] = "wasi:io/streams@0.2.0",
        });

        var error = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<IOptions<WasiOptions>>().Value);

        Assert.Contains("'wasi:cli/stdot', 'wasi:io/streams@0.2.0'", error.Message, StringComparison.Ordinal);
        Assert.Contains("write them without version", error.Message, StringComparison.Ordinal);
        Assert.Contains("wasi:cli/stdout", error.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Bind_WasiOff_LinksNoWasiAndAllowsNothing()
    {
        using var provider = Build(new() { ["ExtensibilityHost:Wasi:Enabled"] = "false" });

        var policy = provider.GetRequiredService<WasiPolicy>();

        Assert.False(policy.Enabled);
        Assert.Empty(policy.AllowedInterfaces);
    }

    [Fact]
    public void AddExtensibilityHost_RegistersEveryCapabilityOnce()
    {
        var services = new ServiceCollection().AddLogging();
        var configuration = new ConfigurationBuilder().Build();
        services.AddExtensibilityHost(configuration);
        services.AddWasiCapability(configuration).AddLoggingCapability().AddOutboundHttpCapability(configuration);
        using var provider = services.BuildServiceProvider();

        var names = provider.GetServices<IHostCapability>().Select(c => c.GetType().Name);

        Assert.Equal(["LoggingCapability", "KeyValueCapability", "ConfigCapability", "OutboundHttpCapability", "WasiCapability"], names);
    }
}
