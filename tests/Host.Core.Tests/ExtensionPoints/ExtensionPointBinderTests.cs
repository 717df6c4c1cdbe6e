using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Tests.Invocations;

namespace ExtensibilityHost.Core.Tests.ExtensionPoints;

[Collection(InvocationCollection.Name)]
public sealed class ExtensionPointBinderTests(InvocationFixture fixture)
{
    private async Task<T> BindingsAsync<T>(Func<ExtensionPointBinder, Task<T>> work)
    {
        T result = default!;
        await fixture.Host.WithScopeAsync(async services => result = await work(services.GetRequiredService<ExtensionPointBinder>()));
        return result;
    }

    private async Task<string> SeedTenantAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "echo", fixture.Wat("point-echo"));
        return tenant;
    }

    [Fact]
    public async Task BindAsync_FirstTimeThenAgain_IsCreatedThenUpdatedToTheNewComponent()
    {
        var tenant = await SeedTenantAsync();

        var first = await BindingsAsync(b => b.BindComponentAsync(tenant, "echo.closed", "echo", TestContext.Current.CancellationToken));
        var second = await BindingsAsync(b => b.BindComponentAsync(tenant, "echo.closed", "echo-v2", TestContext.Current.CancellationToken));

        Assert.Equal(ExtensionPointBindStatus.Created, first);
        Assert.Equal(ExtensionPointBindStatus.Updated, second);
        var binding = Assert.Single(await BindingsAsync(b => b.ListAsync(tenant, TestContext.Current.CancellationToken)));
        Assert.Equal("echo-v2", binding.ComponentName);
    }

    [Fact]
    public async Task BindAsync_UnknownPoint_WritesNothing()
    {
        var tenant = await SeedTenantAsync();

        var status = await BindingsAsync(b => b.BindComponentAsync(tenant, "no.such.point", "echo", TestContext.Current.CancellationToken));

        Assert.Equal(ExtensionPointBindStatus.UnknownPoint, status);
        Assert.Empty(await BindingsAsync(b => b.ListAsync(tenant, TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task BindAsync_UnknownTenant_IsTenantNotFound() =>
        Assert.Equal(ExtensionPointBindStatus.TenantNotFound,
            await BindingsAsync(b => b.BindComponentAsync("no-such-tenant", "echo.closed", "echo", TestContext.Current.CancellationToken)));

    [Fact]
    public async Task UnbindAsync_BoundPoint_RemovesTheBindingOnce()
    {
        var tenant = await SeedTenantAsync();
        await BindingsAsync(b => b.BindComponentAsync(tenant, "echo.open", "echo", TestContext.Current.CancellationToken));

        var first = await BindingsAsync(b => b.UnbindAsync(tenant, "echo.open", TestContext.Current.CancellationToken));
        var second = await BindingsAsync(b => b.UnbindAsync(tenant, "echo.open", TestContext.Current.CancellationToken));

        Assert.True(first);
        Assert.False(second);
    }

    [Fact]
    public async Task ListAsync_SeveralPoints_AreOrderedByPoint()
    {
        var tenant = await SeedTenantAsync();
        await BindingsAsync(b => b.BindComponentAsync(tenant, "pricing.discount", "pricing", TestContext.Current.CancellationToken));
        await BindingsAsync(b => b.BindComponentAsync(tenant, "echo.open", "echo", TestContext.Current.CancellationToken));

        var bindings = await BindingsAsync(b => b.ListAsync(tenant, TestContext.Current.CancellationToken));

        Assert.Equal(["echo.open", "pricing.discount"], bindings.Select(b => b.Point));
    }
}
