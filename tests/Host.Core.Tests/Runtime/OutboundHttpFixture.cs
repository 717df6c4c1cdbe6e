using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>
/// An engine whose <c>outbound-http</c> import checks an in-memory allow-list, with small caps so
/// tests reach them cheaply, its epoch ticker, the compiled <c>outbound-fetch.wat</c> guest and a
/// real HTTP server on a loopback port as the outbound target.
/// </summary>
public sealed class OutboundHttpFixture : IAsyncLifetime
{
    public const int MaxResponseBodyBytes = 16 * 1024;

    // Short, so the timeout tests are quick; long enough for a 64 KiB response on a loaded machine.
    public static readonly TimeSpan MaxRequestTimeout = TimeSpan.FromMilliseconds(1500);

    /// <summary><c>fetch</c> of outbound-fetch.wat, in the instance it exports.</summary>
    public static readonly InvocationTarget FetchTarget = new("test:outbound/probe@1.0.0", "fetch");

    private EpochTicker? _ticker;

    public InMemoryOutboundOriginSource Origins { get; } = new();

    public LoopbackHttpServer Server { get; } = new();

    public SandboxEngine Engine { get; private set; } = null!;

    public ComponentSandbox Sandbox { get; private set; } = null!;

    public CompiledComponent Guest { get; private set; } = null!;

    public static OutboundHttpOptions Options => new()
    {
        MaxResponseBodyBytes = MaxResponseBodyBytes,
        MaxRequestTimeout = MaxRequestTimeout,
    };

    public ValueTask InitializeAsync()
    {
        Engine = new SandboxEngine(
            RuntimeFixture.TestOptions(),
            HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), new InMemoryConfigSource(), outboundOrigins: Origins, outboundHttpOptions: Options));
        Sandbox = new ComponentSandbox(Engine);
        Guest = Engine.CompileText(Guests.Wat("outbound-fetch"));
        _ticker = new EpochTicker(Engine);
        _ticker.StartAsync(default);
        return ValueTask.CompletedTask;
    }

    public ValueTask DisposeAsync()
    {
        _ticker?.Dispose();
        Engine.Dispose();
        Server.Dispose();
        return ValueTask.CompletedTask;
    }
}
