using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime.Imports.Config;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>The database-backed config import: what admins set is what the next invocation reads.</summary>
[Collection(InvocationCollection.Name)]
public sealed class SettingsEditorTests(InvocationFixture fixture)
{
    /// <summary><c>greeting</c> of host-imports.wat: <c>config.get("greeting")</c>.</summary>
    private async Task<string?> GreetingAsync(string tenant, string component)
    {
        var result = await fixture.Host.Get<IExtensionRunner>().RunAsync(new ExtensionRunRequest
        {
            TenantId = tenant,
            ComponentName = component,
            Target = new InvocationTarget(null, "greeting"),
            Arguments = [],
        }, TestContext.Current.CancellationToken);
        Assert.Equal(InvocationOutcome.Ok, result.Invocation!.Outcome);
        return result.Invocation.Output!.IsSome ? result.Invocation.Output.Payload!.AsString() : null;
    }

    private async Task<T> SettingsAsync<T>(Func<SettingsEditor, Task<T>> work)
    {
        T result = default!;
        await fixture.Host.WithScopeAsync(async services => result = await work(services.GetRequiredService<SettingsEditor>()));
        return result;
    }

    private async Task<string> SeedGreeterAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "greeter", fixture.Wat("host-imports"));
        return tenant;
    }

    [Fact]
    public async Task SetAsync_NewSetting_IsReadByTheNextInvocation()
    {
        var tenant = await SeedGreeterAsync();

        var status = await SettingsAsync(s => s.SetAsync(tenant, "greeter", "greeting", "hello", TestContext.Current.CancellationToken));

        Assert.Equal(SettingWriteStatus.Created, status);
        Assert.Equal("hello", await GreetingAsync(tenant, "greeter"));
    }

    [Fact]
    public async Task SetAsync_ChangedSetting_IsReadByTheNextInvocation()
    {
        var tenant = await SeedGreeterAsync();
        await SettingsAsync(s => s.SetAsync(tenant, "greeter", "greeting", "hello", TestContext.Current.CancellationToken));
        Assert.Equal("hello", await GreetingAsync(tenant, "greeter"));

        var status = await SettingsAsync(s => s.SetAsync(tenant, "greeter", "greeting", "changed", TestContext.Current.CancellationToken));

        Assert.Equal(SettingWriteStatus.Updated, status);
        Assert.Equal("changed", await GreetingAsync(tenant, "greeter"));
    }

    [Fact]
    public async Task DeleteAsync_Setting_IsNoneAtTheNextInvocation()
    {
        var tenant = await SeedGreeterAsync();
        await SettingsAsync(s => s.SetAsync(tenant, "greeter", "greeting", "hello", TestContext.Current.CancellationToken));

        var deleted = await SettingsAsync(s => s.DeleteAsync(tenant, "greeter", "greeting", TestContext.Current.CancellationToken));

        Assert.True(deleted);
        Assert.Null(await GreetingAsync(tenant, "greeter"));
    }

    [Fact]
    public async Task SetAsync_SettingOfAnotherComponentOrTenant_IsNotVisible()
    {
        var tenant = await SeedGreeterAsync();
        var otherTenant = await SeedGreeterAsync();
        await fixture.Host.SeedAsync(tenant, "someone-else", fixture.Wat("host-imports"));
        await SettingsAsync(s => s.SetAsync(tenant, "someone-else", "greeting", "not mine", TestContext.Current.CancellationToken));
        await SettingsAsync(s => s.SetAsync(otherTenant, "greeter", "greeting", "not mine either", TestContext.Current.CancellationToken));

        Assert.Null(await GreetingAsync(tenant, "greeter"));
    }

    [Fact]
    public async Task SetAsync_UnknownTenant_IsTenantNotFound() =>
        Assert.Equal(SettingWriteStatus.TenantNotFound,
            await SettingsAsync(s => s.SetAsync("no-such-tenant", "greeter", "greeting", "hello", TestContext.Current.CancellationToken)));

    [Fact]
    public async Task SetAsync_ComponentTheTenantDoesNotHave_IsComponentNotFoundAndWritesNothing()
    {
        var tenant = await SeedGreeterAsync();

        var status = await SettingsAsync(s => s.SetAsync(tenant, "typo", "greeting", "hello", TestContext.Current.CancellationToken));

        Assert.Equal(SettingWriteStatus.ComponentNotFound, status);
        Assert.Empty(await SettingsAsync(s => s.ListAsync(tenant, "typo", TestContext.Current.CancellationToken)));
    }

    [Fact]
    public async Task ListAsync_Settings_AreTheComponentsOwnByKey()
    {
        var tenant = await SeedGreeterAsync();
        await SettingsAsync(s => s.SetAsync(tenant, "greeter", "b", "2", TestContext.Current.CancellationToken));
        await SettingsAsync(s => s.SetAsync(tenant, "greeter", "a", "1", TestContext.Current.CancellationToken));
        await SettingsAsync(s => s.SetAsync(tenant, "other", "c", "3", TestContext.Current.CancellationToken));

        var settings = await SettingsAsync(s => s.ListAsync(tenant, "greeter", TestContext.Current.CancellationToken));

        Assert.Equal(["a", "b"], settings.Select(s => s.Key));
        Assert.Equal(["1", "2"], settings.Select(s => s.Value));
    }
}
