using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using ExtensibilityHost.Core.Tests.Runtime;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>
/// The database-backed allow-list of outbound-http: what admins set is what the next invocation
/// checks (the per-node cache is invalidated by the change), against a real loopback server.
/// </summary>
[Collection(InvocationCollection.Name)]
public sealed class OutboundOriginsEditorTests(InvocationFixture fixture) : IDisposable
{
    private readonly LoopbackHttpServer _server = new();

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    public void Dispose() => _server.Dispose();

    private static OutboundOrigin Origin(string text) =>
        OutboundOrigin.TryParse(text, out var origin, out var error) ? origin : throw new ArgumentException(error, nameof(text));

    /// <summary><c>fetch</c> of outbound-fetch.wat through the host's runner: the status, or the error's case.</summary>
    private async Task<string> FetchAsync(string tenant, string component)
    {
        var result = await fixture.Host.Get<IExtensionRunner>().RunAsync(new ExtensionRunRequest
        {
            TenantId = tenant,
            ComponentName = component,
            Target = OutboundHttpFixture.FetchTarget,
            Arguments = [ComponentValue.String("GET"), ComponentValue.String(_server.Origin + "/echo"), ComponentValue.String(""), ComponentValue.String("")],
            Limits = new SandboxLimits { Timeout = TimeSpan.FromSeconds(5) },
        }, Cancellation);
        var output = result.Invocation!.Output!;
        return output.IsOk ? output.Payload!.Field("status").AsU16().ToString(System.Globalization.CultureInfo.InvariantCulture) : output.Payload!.AsVariant();
    }

    private async Task<T> EditAsync<T>(Func<OutboundOriginsEditor, Task<T>> work)
    {
        T result = default!;
        await fixture.Host.WithScopeAsync(async services => result = await work(services.GetRequiredService<OutboundOriginsEditor>()));
        return result;
    }

    private async Task<string> SeedFetcherAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "fetcher", fixture.Wat("outbound-fetch"));
        return tenant;
    }

    [Fact]
    public async Task ReplaceAsync_OriginAllowed_IsReachedByTheNextInvocation()
    {
        var tenant = await SeedFetcherAsync();
        Assert.Equal("forbidden", await FetchAsync(tenant, "fetcher"));

        var status = await EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [Origin(_server.Origin)], "admin (test)", Cancellation));

        Assert.Equal(OutboundOriginsWriteStatus.Replaced, status);
        Assert.Equal("200", await FetchAsync(tenant, "fetcher"));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ReplaceAsync_OriginRemoved_IsForbiddenAtTheNextInvocation()
    {
        var tenant = await SeedFetcherAsync();
        await EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [Origin(_server.Origin)], "admin (test)", Cancellation));
        Assert.Equal("200", await FetchAsync(tenant, "fetcher"));

        await EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [], "admin (test)", Cancellation));

        Assert.Equal("forbidden", await FetchAsync(tenant, "fetcher"));
        Assert.Single(_server.Requests);
    }

    [Fact]
    public async Task ReplaceAsync_OriginOfAnotherComponent_IsNotAllowedForThisOne()
    {
        var tenant = await SeedFetcherAsync();
        await fixture.Host.SeedAsync(tenant, "other", fixture.Wat("outbound-fetch"));

        await EditAsync(e => e.ReplaceAsync(tenant, "other", [Origin(_server.Origin)], "admin (test)", Cancellation));

        Assert.Equal("forbidden", await FetchAsync(tenant, "fetcher"));
        Assert.Equal("200", await FetchAsync(tenant, "other"));
    }

    [Fact]
    public async Task ReplaceAsync_KeptOrigin_KeepsWhoAddedItAndWhen()
    {
        var tenant = await SeedFetcherAsync();
        await EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [Origin("https://a.example")], "first admin", Cancellation));

        await EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [Origin("https://b.example"), Origin("https://A.example:443/")], "second admin", Cancellation));

        var list = await EditAsync(e => e.ListAsync(tenant, "fetcher", Cancellation));
        Assert.Equal([("https://a.example", "first admin"), ("https://b.example", "second admin")], list!.Select(o => (o.Origin, o.AddedBy)));
    }

    [Fact]
    public async Task ReplaceAsync_UnknownTenantOrComponent_WritesNothing()
    {
        var tenant = await SeedFetcherAsync();

        var noTenant = await EditAsync(e => e.ReplaceAsync("no-such-tenant", "fetcher", [Origin(_server.Origin)], "admin", Cancellation));
        var noComponent = await EditAsync(e => e.ReplaceAsync(tenant, "no-such-component", [Origin(_server.Origin)], "admin", Cancellation));

        Assert.Equal((OutboundOriginsWriteStatus.TenantNotFound, OutboundOriginsWriteStatus.ComponentNotFound), (noTenant, noComponent));
        Assert.Null(await EditAsync(e => e.ListAsync(tenant, "no-such-component", Cancellation)));
        Assert.Equal(0, await fixture.Host.WithDbAsync(db => db.OutboundOrigins.CountAsync(o => o.ComponentName == "no-such-component" || o.TenantId == "no-such-tenant", Cancellation)));
    }

    [Fact]
    public async Task ReplaceAsync_MoreOriginsThanTheCap_Throws()
    {
        var tenant = await SeedFetcherAsync();
        var max = new OutboundHttpOptions().MaxOriginsPerComponent;
        var origins = Enumerable.Range(0, max + 1).Select(i => Origin($"https://h{i}.example")).ToList();

        await Assert.ThrowsAsync<ArgumentOutOfRangeException>(() => EditAsync(e => e.ReplaceAsync(tenant, "fetcher", origins, "admin", Cancellation)));
    }

    [Fact]
    public async Task ReplaceAsync_ConcurrentAdminsAddingTheSameOrigin_AllSucceedAndItIsListedOnce()
    {
        var tenant = await SeedFetcherAsync();

        var statuses = await Task.WhenAll(Enumerable.Range(0, 4).Select(i =>
            EditAsync(e => e.ReplaceAsync(tenant, "fetcher", [Origin(_server.Origin)], $"admin {i}", Cancellation))));

        Assert.All(statuses, status => Assert.Equal(OutboundOriginsWriteStatus.Replaced, status));
        var list = await EditAsync(e => e.ListAsync(tenant, "fetcher", Cancellation));
        Assert.Equal([_server.Origin], list!.Select(o => o.Origin));
    }
}
