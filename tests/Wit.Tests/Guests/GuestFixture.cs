using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Wit.Tests.Guests;

/// <summary>
/// An engine whose only host capabilities are the ones linked by generated import bindings, with an
/// artifact cache in the temp folder (the built guests' folder may be read-only), so the 12 MB
/// JavaScript pricing guest is compiled by Cranelift once per machine.
/// </summary>
public sealed class GuestFixture : IAsyncLifetime
{
    private EpochTicker? _ticker;

    public GeneratedImports Imports { get; } = new();

    public SandboxEngine Engine { get; private set; } = null!;

    public ComponentSandbox Sandbox { get; private set; } = null!;

    public CompiledComponentCache Cache { get; private set; } = null!;

    public ValueTask InitializeAsync()
    {
        var options = new RuntimeOptions
        {
            PoolTotalComponentInstances = 8,
            PoolTotalMemories = 16,
            PoolTotalTables = 16,
            PoolTotalCoreInstances = 64,
            ArtifactCacheDirectory = Path.Combine(Path.GetTempPath(), "exthost-wit-tests-artifacts"),
        };
        Engine = new SandboxEngine(options, [Imports]);
        Sandbox = new ComponentSandbox(Engine);
        Cache = new CompiledComponentCache(Engine, NullLogger<CompiledComponentCache>.Instance);
        _ticker = new EpochTicker(Engine);
        return new ValueTask(_ticker.StartAsync(default));
    }

    public ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        Engine.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class GuestCollection : ICollectionFixture<GuestFixture>
{
    public const string Name = "wit-guests";
}
