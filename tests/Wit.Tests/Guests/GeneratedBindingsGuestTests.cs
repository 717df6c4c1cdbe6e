using Acme.Shop.Pricing;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Saas.Extensibility.Logging;

namespace ExtensibilityHost.Wit.Tests.Guests;

/// <summary>Generated bindings against real components in the host's sandbox: the typed client calls an export, the generated import bindings serve the imports.</summary>
[Collection(GuestCollection.Name)]
public sealed class GeneratedBindingsGuestTests(GuestFixture fixture)
{
    // Generous: the first call of a test run also JIT-compiles the generated bindings.
    private static readonly SandboxLimits Limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(5) };

    [Fact]
    public async Task DiscountAsync_JsPricingGuest_ReturnsTheTypedQuote()
    {
        var component = await fixture.Cache.PrecompileAsync(await File.ReadAllBytesAsync(ExtensibilityHost.Testing.Guests.Built("js-pricing.wasm"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var client = new PricingClient(new SandboxWitInvoker(fixture.Sandbox, component));
        var cart = new Cart
        {
            Customer = new Customer { Id = "c1", Tier = Tier.Gold },
            Lines = [new LineItem { Sku = "a", Quantity = 2, UnitPriceCents = 100 }, new LineItem { Sku = "b", Quantity = 1, UnitPriceCents = 50 }],
        };

        var result = await client.DiscountAsync(cart, TestContext.Current.CancellationToken);

        Assert.Equal(
            Result<Quote, string>.Ok(new Quote { Discount = new CartDiscount.Percent(10), Skus = ["a"], Note = "c1: 2 line(s), 250 cents" }),
            result);
        Assert.Contains((Level.Info, "js pricing: c1 (gold)"), fixture.Imports.Lines);
    }

    [Fact]
    public async Task DiscountAsync_EmptyCart_ReturnsTheGuestsErr()
    {
        var component = await fixture.Cache.PrecompileAsync(await File.ReadAllBytesAsync(ExtensibilityHost.Testing.Guests.Built("js-pricing.wasm"), TestContext.Current.CancellationToken), TestContext.Current.CancellationToken);
        var client = new PricingClient(new SandboxWitInvoker(fixture.Sandbox, component));

        var result = await client.DiscountAsync(new Cart { Customer = new Customer { Id = "c2", Tier = Tier.Silver }, Lines = [], Coupon = "FLAT5" }, TestContext.Current.CancellationToken);

        Assert.Equal(Result<Quote, string>.Err("empty cart"), result);
    }

    [Fact]
    public void GeneratedImports_HostImportsGuest_CountsInKeyValueAndReadsConfig()
    {
        var component = fixture.Engine.CompileText(ExtensibilityHost.Testing.Guests.Wat("host-imports"));
        fixture.Imports.Settings["greeting"] = "hello from config";
        var context = new InvocationContext { TenantId = "acme", ComponentName = "host-imports", Version = "1" };

        var calls = Enumerable.Range(0, 3).Select(_ => fixture.Sandbox.Invoke(component, new InvocationTarget(null, "bump"), [], context, Limits)).ToList();
        var greeting = fixture.Sandbox.Invoke(component, new InvocationTarget(null, "greeting"), [], context, Limits);

        Assert.All(calls, c => Assert.True(c.Outcome == InvocationOutcome.Ok, c.Error));
        Assert.Equal([1U, 2U, 3U], calls.Select(c => c.Output!.AsU32()));
        Assert.Equal([3], fixture.Imports.Entries["n"]);
        Assert.Equal("hello from config", greeting.Output!.Payload!.AsString());
    }
}
