using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.Extensions.Logging.Abstractions;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// An engine with an on-disk artifact cache beside the built guests, so the 12 MB JavaScript
/// components are compiled by Cranelift once per machine rather than once per test run.
/// </summary>
public sealed class BuiltGuestsFixture : IAsyncLifetime
{
    private EpochTicker? _ticker;

    public SandboxEngine Engine { get; private set; } = null!;

    public ComponentSandbox Sandbox { get; private set; } = null!;

    public CompiledComponentCache Cache { get; private set; } = null!;

    public static SandboxLimits Limits { get; } = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(2) };

    public ValueTask InitializeAsync()
    {
        var options = RuntimeFixture.TestOptions();
        options.ArtifactCacheDirectory = Path.Combine(Path.GetDirectoryName(Guests.Built("js-event-handler.wasm"))!, ".artifacts");
        Engine = new SandboxEngine(options, HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource()));
        Sandbox = new ComponentSandbox(Engine);
        Cache = new CompiledComponentCache(Engine, NullLogger<CompiledComponentCache>.Instance);
        _ticker = new EpochTicker(Engine);
        return new ValueTask(_ticker.StartAsync(default));
    }

    public async Task<CompiledComponent> LoadAsync(string fileName)
    {
        var bytes = await File.ReadAllBytesAsync(Guests.Built(fileName));
        return await Cache.PrecompileAsync(bytes);
    }

    /// <summary>Calls <c>event-handler.handle</c> of a built guest with <see cref="Events.Sample"/>.</summary>
    public async Task<InvocationResult> HandleAsync(string fileName, string eventType, string payload)
    {
        var component = await LoadAsync(fileName);
        return Sandbox.Invoke(component, new InvocationTarget(HostInterfaces.EventHandler, "handle"), [Events.Sample(eventType, payload)], Context(fileName), Limits);
    }

    /// <summary>Calls <c>extension-point.invoke(point, input)</c> of a built guest.</summary>
    public async Task<InvocationResult> InvokePointAsync(string fileName, string point, string input)
    {
        var component = await LoadAsync(fileName);
        return Sandbox.Invoke(
            component, new InvocationTarget(HostInterfaces.ExtensionPoint, "invoke"), [ComponentValue.String(point), ComponentValue.String(input)], Context(fileName), Limits);
    }

    private static InvocationContext Context(string fileName) => new() { TenantId = "acme", ComponentName = Path.GetFileNameWithoutExtension(fileName), Version = "1" };

    public ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        Engine.Dispose();
        return ValueTask.CompletedTask;
    }
}

[CollectionDefinition(Name)]
public sealed class BuiltGuestsCollection : ICollectionFixture<BuiltGuestsFixture>
{
    public const string Name = "built-guests";
}
