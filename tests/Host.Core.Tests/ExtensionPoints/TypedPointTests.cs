using System.Text.Json;
using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Tests.Invocations;

namespace ExtensibilityHost.Core.Tests.ExtensionPoints;

/// <summary>
/// <c>pricing.discount</c> → <c>acme:shop/pricing@1.0.0#discount</c>, served by the JavaScript pricing
/// guest; fails open with no discount.
/// </summary>
[Collection(InvocationCollection.Name)]
public sealed class TypedPointTests(InvocationFixture fixture)
{
    private const string Point = "pricing.discount";

    private IExtensionPoints Points => fixture.Host.Get<IExtensionPoints>();

    private async Task<string> SeedPricingAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "pricing", InvocationFixture.JsPricing());
        await fixture.Host.WithScopeAsync(async services => Assert.Equal(
            ExtensionPointBindStatus.Created,
            await services.GetRequiredService<ExtensionPointBinder>().BindComponentAsync(tenant, Point, "pricing", TestContext.Current.CancellationToken)));
        return tenant;
    }

    private static Cart GoldCart() => new(
        new Customer("c1", "gold", null),
        [new LineItem("a", 2, 100), new LineItem("b", 1, 50)],
        null);

    [Fact]
    public async Task InvokeAsync_TypedInputAndOutput_ConvertsThroughTheComponentsWitTypes()
    {
        var tenant = await SeedPricingAsync();

        var result = await Points.InvokeAsync<Cart, Quote>(tenant, Point, GoldCart(), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.False(result.Result.UsedDefault);
        Assert.Equal("percent", result.Output!.Discount.Tag);
        Assert.Equal(10UL, result.Output.Discount.Value);
        Assert.Equal(["a"], result.Output.Skus);
        Assert.Equal("c1: 2 line(s), 250 cents", result.Output.Note);
    }

    [Fact]
    public async Task InvokeAsync_JsonInput_OutputIsTheOkPayload()
    {
        var tenant = await SeedPricingAsync();
        using var input = JsonDocument.Parse("""{"customer": {"id": "c2", "tier": "silver"}, "lines": [{"sku": "x", "quantity": 1, "unit-price-cents": 5}], "coupon": "FLAT5"}""");

        var result = await Points.InvokeAsync(tenant, Point, input.RootElement, TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.Ok, result.Status);
        Assert.Equal("""{"discount":{"tag":"amount-cents","value":500},"skus":[],"note":"c2: 1 line(s), 5 cents"}""", result.Output!.Value.GetRawText());
    }

    [Fact]
    public async Task InvokeAsync_InputThatDoesNotFit_IsInvalidInputNamingThePathAndNeverTheDefault()
    {
        var tenant = await SeedPricingAsync();
        using var input = JsonDocument.Parse("""{"customer": {"id": "c1", "tier": "gold"}, "lines": [{"sku": "a", "quantity": "two", "unit-price-cents": 1}]}""");

        var result = await Points.InvokeAsync(tenant, Point, input.RootElement, TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.InvalidInput, result.Status);
        Assert.False(result.UsedDefault);
        Assert.Equal("argument 'cart' at $.lines[0].quantity: expected u32, got string \"two\"", result.Error);
        Assert.Null(result.InvocationId);
    }

    [Fact]
    public async Task InvokeAsync_GuestError_FailsOpenWithTheDefaultAndKeepsTheErr()
    {
        var tenant = await SeedPricingAsync();

        var result = await Points.InvokeAsync<Cart, Quote>(
            tenant, Point, GoldCart() with { Lines = [] }, cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Result.UsedDefault);
        Assert.Equal(InvocationOutcome.GuestError, result.Result.Outcome);
        Assert.Equal("empty cart", result.Result.ErrorValue!.Value.GetString());
        Assert.Equal("none", result.Output!.Discount.Tag);
        Assert.Empty(result.Output.Skus);
    }

    private sealed record Customer(string Id, string Tier, string? Country);

    private sealed record LineItem(string Sku, uint Quantity, ulong UnitPriceCents);

    private sealed record Cart(Customer Customer, IReadOnlyList<LineItem> Lines, string? Coupon);

    private sealed record Discount(string Tag, ulong? Value);

    private sealed record Quote(Discount Discount, IReadOnlyList<string> Skus, string? Note);
}
