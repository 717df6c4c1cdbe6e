using ExtensibilityHost.Core.ExtensionPoints;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.ExtensionPoints;

public sealed class ExtensionPointsOptionsValidatorTests
{
    private static ValidateOptionsResult Validate(string name, ExtensionPointOptions point)
    {
        var options = new ExtensionPointsOptions();
        options.Points[name] = point;
        return new ExtensionPointsOptionsValidator(Options.Create(new RuntimeOptions())).Validate(null, options);
    }

    private static ExtensionPointOptions Typed() => new() { Interface = "acme:shop/pricing@1.0.0", Function = "discount" };

    [Fact]
    public void Validate_TypedPoint_Succeeds() => Assert.True(Validate("pricing.discount", Typed()).Succeeded);

    [Fact]
    public void Validate_GenericFailOpenPointWithDefault_Succeeds() => Assert.True(Validate("orders.enrich", new ExtensionPointOptions
    {
        Kind = ExtensionPointKind.Generic,
        FailurePolicy = ExtensionPointFailurePolicy.FailOpen,
        Default = "null",
    }).Succeeded);

    [Theory]
    [InlineData("Pricing.Discount")]
    [InlineData("pricing..discount")]
    [InlineData(".pricing")]
    [InlineData("pricing/discount")]
    [InlineData("")]
    public void Validate_BadName_FailsNamingThePoint(string name)
    {
        var result = Validate(name, Typed());

        Assert.True(result.Failed);
        Assert.Contains($"ExtensibilityHost:ExtensionPoints:{name}:", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_TypedPointWithoutFunction_Fails()
    {
        var point = Typed();
        point.Function = null;

        Assert.Contains("needs Interface", Validate("p", point).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_GenericPointNamingAFunction_Fails() =>
        Assert.Contains("remove Interface and Function", Validate("p", new ExtensionPointOptions { Kind = ExtensionPointKind.Generic, Function = "invoke" }).FailureMessage, StringComparison.Ordinal);

    [Fact]
    public void Validate_FailOpenWithoutDefault_Fails()
    {
        var point = Typed();
        point.FailurePolicy = ExtensionPointFailurePolicy.FailOpen;

        Assert.Contains("needs Default", Validate("p", point).FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_DefaultThatIsNotJson_Fails()
    {
        var point = Typed();
        point.Default = "{not json";

        Assert.Contains("Default is not valid JSON", Validate("p", point).FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(0, null)]
    [InlineData(null, 0)]
    [InlineData(null, 100_000)]
    public void Validate_LimitsOutOfRange_Fail(int? timeoutMs, int? memoryMb)
    {
        var point = Typed();
        point.TimeoutMs = timeoutMs;
        point.MemoryMb = memoryMb;

        Assert.True(Validate("p", point).Failed);
    }
}
