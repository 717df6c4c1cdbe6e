using System.Text;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>The database-backed key-value import, through the runner, with real guests.</summary>
[Collection(InvocationCollection.Name)]
public sealed class KeyValueTests(InvocationFixture fixture)
{
    /// <summary>
    /// No test here is about deadlines: a call whose database write waits on a busy machine must
    /// not end as a 100 ms timeout.
    /// </summary>
    private static readonly SandboxLimits Unhurried = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(10) };

    private static Task<ExtensionCallResult> RunAsync(EmbeddedHost host, string tenant, string component, string function, params ComponentValue[] arguments) =>
        host.Get<IExtensionRunner>().RunAsync(new ExtensionRunRequest
        {
            TenantId = tenant,
            ComponentName = component,
            Target = new InvocationTarget(null, function),
            Arguments = arguments,
            Limits = Unhurried,
        }, TestContext.Current.CancellationToken);

    /// <summary><c>bump</c> of host-imports.wat: increments key "n" and returns it.</summary>
    private async Task<uint> BumpAsync(string tenant, string component, EmbeddedHost? host = null)
    {
        var result = await RunAsync(host ?? fixture.Host, tenant, component, "bump");
        Assert.Equal(InvocationOutcome.Ok, result.Invocation!.Outcome);
        return result.Invocation.Output!.AsU32();
    }

    /// <summary><c>put</c> of key-value.wat: the host's <c>set</c> result, unchanged.</summary>
    private Task<ExtensionCallResult> PutAsync(string tenant, string key, int valueLength) =>
        RunAsync(fixture.Host, tenant, "store", "put", ComponentValue.String(key), ComponentValue.List([.. Enumerable.Repeat(ComponentValue.U8(7), valueLength)]));

    [Fact]
    public async Task Bump_SameTenantAndComponent_SeesItsOwnWritesInTheDatabase()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "counter", fixture.Wat("host-imports"));

        var counts = new[] { await BumpAsync(tenant, "counter"), await BumpAsync(tenant, "counter"), await BumpAsync(tenant, "counter") };

        Assert.Equal([1u, 2u, 3u], counts);
        var entry = await fixture.Host.WithDbAsync(db => db.KeyValueEntries.AsNoTracking()
            .SingleAsync(e => e.TenantId == tenant && e.ComponentName == "counter"));
        Assert.Equal("n", entry.Key);
        Assert.Equal([3], entry.Value);
    }

    [Fact]
    public async Task Bump_TwoTenantsAndTwoComponents_NeverSeeEachOthersKeys()
    {
        var tenantA = InvocationFixture.NewTenantId();
        var tenantB = InvocationFixture.NewTenantId();
        foreach (var (tenant, component) in new[] { (tenantA, "counter"), (tenantA, "other"), (tenantB, "counter") })
        {
            await fixture.Host.SeedAsync(tenant, component, fixture.Wat("host-imports"));
        }

        await BumpAsync(tenantA, "counter");
        await BumpAsync(tenantA, "counter");
        await BumpAsync(tenantA, "counter");

        Assert.Equal(1u, await BumpAsync(tenantA, "other"));
        Assert.Equal(1u, await BumpAsync(tenantB, "counter"));
        Assert.Equal(4u, await BumpAsync(tenantA, "counter"));
    }

    [Fact]
    public async Task Bump_NewEngineAndRunnerOnTheSameDatabase_ContinuesTheCount()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "counter", fixture.Wat("host-imports"));
        await BumpAsync(tenant, "counter");
        await BumpAsync(tenant, "counter");

        await using var restarted = await fixture.StartAnotherHostAsync();

        Assert.Equal(3u, await BumpAsync(tenant, "counter", restarted));
    }

    [Fact]
    public async Task Put_KeyLongerThanTheCap_IsAWitErrNotATrap()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "store", fixture.Wat("key-value"));

        var result = await PutAsync(tenant, new string('k', InvocationFixture.MaxKeyBytes + 1), 1);

        Assert.Equal(InvocationOutcome.GuestError, result.Invocation!.Outcome);
        Assert.Null(result.Invocation.Trap);
        Assert.Contains($"the limit is {InvocationFixture.MaxKeyBytes}", result.Invocation.Output!.Payload!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_ValueLargerThanTheCap_IsAWitErrNotATrap()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "store", fixture.Wat("key-value"));

        var result = await PutAsync(tenant, "big", InvocationFixture.MaxValueBytes + 1);

        Assert.Equal(InvocationOutcome.GuestError, result.Invocation!.Outcome);
        Assert.Null(result.Invocation.Trap);
        Assert.Contains($"the limit is {InvocationFixture.MaxValueBytes}", result.Invocation.Output!.Payload!.AsString(), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Put_MoreKeysThanTheEntryCap_IsAWitErrWhileExistingKeysStayWritable()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "store", fixture.Wat("key-value"));
        for (var i = 0; i < InvocationFixture.MaxEntriesPerComponent; i++)
        {
            Assert.Equal(InvocationOutcome.Ok, (await PutAsync(tenant, $"key-{i}", 4)).Invocation!.Outcome);
        }

        var oneTooMany = await PutAsync(tenant, "one-too-many", 4);
        var overwrite = await PutAsync(tenant, "key-0", 8);

        Assert.Equal(InvocationOutcome.GuestError, oneTooMany.Invocation!.Outcome);
        Assert.Contains("entry limit reached", oneTooMany.Invocation.Output!.Payload!.AsString(), StringComparison.Ordinal);
        Assert.Equal(InvocationOutcome.Ok, overwrite.Invocation!.Outcome);
    }

    [Fact]
    public async Task Get_AfterPut_ReturnsTheValue()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "store", fixture.Wat("key-value"));
        await PutAsync(tenant, "k", 5);

        var result = await RunAsync(fixture.Host, tenant, "store", "get", ComponentValue.String("k"));

        Assert.True(result.Invocation!.Output!.IsSome);
        Assert.Equal(Enumerable.Repeat((byte)7, 5), result.Invocation.Output.Payload!.AsList().Select(v => v.AsU8()));
    }

    [Fact]
    public async Task Set_ConcurrentInsertsOfNewKeys_NeverPassTheEntryCap()
    {
        var store = fixture.Host.Get<IKeyValueStore>();
        var scope = new KeyValueScope(InvocationFixture.NewTenantId(), "racer");

        var errors = await Task.WhenAll(Enumerable.Range(0, 24).Select(i =>
            Task.Run(() => store.Set(scope, $"key-{i}", Encoding.UTF8.GetBytes($"value-{i}")), TestContext.Current.CancellationToken)));

        Assert.Equal(InvocationFixture.MaxEntriesPerComponent, errors.Count(error => error is null));
        var stored = await fixture.Host.WithDbAsync(db => db.KeyValueEntries.CountAsync(e => e.TenantId == scope.TenantId));
        Assert.Equal(InvocationFixture.MaxEntriesPerComponent, stored);
    }

    [Fact]
    public void Delete_ExistingKey_RemovesItAndAMissingKeyIsNoError()
    {
        var store = fixture.Host.Get<IKeyValueStore>();
        var scope = new KeyValueScope(InvocationFixture.NewTenantId(), "deleter");
        Assert.Null(store.Set(scope, "k", [1, 2, 3]));

        store.Delete(scope, "k");
        store.Delete(scope, "never-set");

        Assert.Null(store.Get(scope, "k"));
    }
}
