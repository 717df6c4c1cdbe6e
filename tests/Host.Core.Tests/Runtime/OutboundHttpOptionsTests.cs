using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary><c>ExtensibilityHost:OutboundHttp</c> is bound and validated at start-up.</summary>
public sealed class OutboundHttpOptionsTests
{
    private static OutboundHttpOptions Resolve(Dictionary<string, string?> settings)
    {
        var configuration = new ConfigurationBuilder().AddInMemoryCollection(settings).Build();
        using var services = new ServiceCollection().AddOutboundHttpCapability(configuration).BuildServiceProvider();
        return services.GetRequiredService<IOptions<OutboundHttpOptions>>().Value;
    }

    [Fact]
    public void Defaults_AreTheDocumentedCaps()
    {
        var options = Resolve([]);

        Assert.Equal((64 * 1024, 1024 * 1024, 8 * 1024, 8 * 1024), (options.MaxRequestBodyBytes, options.MaxResponseBodyBytes, options.MaxHeaderBytes, options.MaxUrlBytes));
        Assert.Equal(["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"], options.Methods);
        Assert.True(options.Enabled);
        Assert.False(options.AllowNonPublicAddressesByName);
    }

    [Fact]
    public void AllowedMethods_Configured_ReplaceTheDefaults()
    {
        var options = Resolve(new() { ["ExtensibilityHost:OutboundHttp:AllowedMethods:0"] = "GET" });

        Assert.Equal(["GET"], options.Methods);
    }

    [Theory]
    [InlineData("ExtensibilityHost:OutboundHttp:AllowedMethods:0", "TRACE", "AllowedMethods names 'TRACE'")]
    [InlineData("ExtensibilityHost:OutboundHttp:MaxRequestTimeout", "00:00:00.001", "MaxRequestTimeout must be longer than MinimumTimeLeft")]
    [InlineData("ExtensibilityHost:OutboundHttp:ConnectTimeout", "00:00:00", "ConnectTimeout must be positive")]
    [InlineData("ExtensibilityHost:OutboundHttp:MaxResponseBodyBytes", "-1", "MaxResponseBodyBytes")]
    [InlineData("ExtensibilityHost:OutboundHttp:MaxOriginsPerComponent", "0", "MaxOriginsPerComponent")]
    public void Validation_SettingOutOfRange_FailsNamingIt(string key, string value, string expected)
    {
        var failure = Assert.Throws<OptionsValidationException>(() => Resolve(new() { [key] = value }));

        Assert.Contains(failure.Failures, f => f.Contains(expected, StringComparison.Ordinal));
    }
}
