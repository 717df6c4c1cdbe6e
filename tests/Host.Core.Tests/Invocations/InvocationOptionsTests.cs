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

    [Theory]
    [InlineData(1, 1)]
    [InlineData(2, 1)]
    [InlineData(3, 1)]
    [InlineData(8, 4)]
    public void EffectiveExecutionSlotsPerTenant_NotSet_IsHalfTheSlotsAtLeastOne(int slots, int expected)
    {
        var options = new InvocationOptions { ExecutionSlots = slots };

        Assert.Equal(expected, options.EffectiveExecutionSlotsPerTenant);
    }

    [Fact]
    public void EffectiveExecutionSlots_NotSet_IsOnePerProcessorCoreAtLeastTwo() =>
        Assert.Equal(Math.Max(2, Environment.ProcessorCount), new InvocationOptions().EffectiveExecutionSlots);

    [Fact]
    public void Validate_ShareAboveTheSlots_FailsNamingTheSetting()
    {
        var options = new InvocationOptions { ExecutionSlots = 2, ExecutionSlotsPerTenant = 3 };

        var result = new InvocationOptionsValidator().Validate(null, options);

        Assert.True(result.Failed);
        Assert.Contains("ExecutionSlotsPerTenant (3) must not exceed the execution slots (2)", result.FailureMessage, StringComparison.Ordinal);
    }
}
