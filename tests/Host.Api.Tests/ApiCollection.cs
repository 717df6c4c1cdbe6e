namespace ExtensibilityHost.Api.Tests;

/// <summary>One host (file-system blobs) shared by the functional tests; each test works in tenants of its own.</summary>
public sealed class ApiFixture : IAsyncLifetime
{
    public ApiHost Host { get; } = new();

    public async ValueTask InitializeAsync() => await Host.StartAsync();

    public async ValueTask DisposeAsync() => await Host.DisposeAsync();
}

[CollectionDefinition(Name)]
public sealed class ApiCollection : ICollectionFixture<ApiFixture>
{
    public const string Name = "api";
}
