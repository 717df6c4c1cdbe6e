using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;

namespace ExtensibilityHost.Core.Tests.Invocations;

public sealed class InvocationOptionsTests
{
    [Fact]
    public void ConcurrencyLimitOf_TenantWithAnOverride_IsTheOverrideWhateverTheCase()
    {
        var options = new InvocationOptions { MaxConcurrencyPerTenant = 4 };
        options.TenantConcurrency["Big-Plan"] = 16;

        Assert.Equal(16, options.ConcurrencyLimitOf("big-plan"));
        Assert.Equal(4, options.ConcurrencyLimitOf("small-plan"));
    }

    [Theory]
    [InlineData(0)]
    [InlineData(10_001)]
    public void Validate_OverrideOutOfRange_FailsNamingTheTenant(int limit)
    {
        var options = new InvocationOptions();
        options.TenantConcurrency["acme"] = limit;

        var result = new InvocationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("TenantConcurrency:acme", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(new InvocationOptionsValidator().Validate(null, new InvocationOptions()).Succeeded);
}
