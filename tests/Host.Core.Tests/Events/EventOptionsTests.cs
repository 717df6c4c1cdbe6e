using ExtensibilityHost.Core.Events;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>Binding and start-up validation of <see cref="EventOptions"/> as <c>AddExtensibilityHost</c> registers them.</summary>
public sealed class EventOptionsTests
{
    private static EventOptions Build(Dictionary<string, string?> settings)
    {
        var services = new ServiceCollection();
        services.AddExtensibilityHost(new ConfigurationBuilder().AddInMemoryCollection(settings).Build());
        using var provider = services.BuildServiceProvider();
        return provider.GetRequiredService<IOptions<EventOptions>>().Value;
    }

    [Fact]
    public void Bind_NoConfiguration_UsesTheDefaults()
    {
        var options = Build([]);

        Assert.True(options.RunDispatcher);
        Assert.Equal(8, options.MaxAttempts);
        Assert.Equal(SyncFailurePolicy.FailOpen, options.SyncFailurePolicy);
    }

    [Fact]
    public void Bind_Section_SetsEveryValue()
    {
        var options = Build(new()
        {
            ["ExtensibilityHost:Events:RunDispatcher"] = "false",
            ["ExtensibilityHost:Events:MaxAttempts"] = "3",
            ["ExtensibilityHost:Events:BackoffBase"] = "00:00:05",
            ["ExtensibilityHost:Events:SyncFailurePolicy"] = "FailClosed",
        });

        Assert.False(options.RunDispatcher);
        Assert.Equal(3, options.MaxAttempts);
        Assert.Equal(TimeSpan.FromSeconds(5), options.BackoffBase);
        Assert.Equal(SyncFailurePolicy.FailClosed, options.SyncFailurePolicy);
    }

    [Theory]
    [InlineData("ExtensibilityHost:Events:BackoffMax", "00:00:01", "BackoffMax must be at least BackoffBase")]
    [InlineData("ExtensibilityHost:Events:PollInterval", "00:00:00", "PollInterval must be positive")]
    [InlineData("ExtensibilityHost:Events:LeaseDuration", "00:00:00.500", "LeaseDuration must be at least one second")]
    [InlineData("ExtensibilityHost:Events:MaxAttempts", "0", "MaxAttempts")]
    [InlineData("ExtensibilityHost:Events:ParkedRetryInterval", "00:00:00", "ParkedRetryInterval must be positive")]
    public void Validate_InvalidValue_FailsNamingIt(string key, string value, string message)
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Build(new() { [key] = value }));

        Assert.Contains(message, exception.Message, StringComparison.Ordinal);
    }
}
