using System.Diagnostics;
using System.Text.Json;
using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Json;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Wasmtime;
using Decision = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Types.Decision;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// The cost of the host's own calls of <c>saas:extensibility</c> (issue 13): building the
/// arguments the way the host builds them, the call, and reading the result the way the host reads
/// it, for an event handler (a 1.0 one, given the 1.1 event narrowed, and a 1.1 one), a generic
/// extension point, and calls whose guest uses the host imports (key-value get and set through the
/// set adapter, config). Each is measured as a fresh sandbox per call
/// (<see cref="ComponentSandbox.Invoke"/>, what the host runs) and as a warm call on a live
/// instance (no instantiation: what is left is the values, the call and the imports). Per-call
/// Stopwatch samples after a warm-up, variants interleaved in rounds.
/// </summary>
internal static class CallsCommand
{
    private const int Rounds = 10;
    private const int WarmUpCalls = 2_000;
    private const string Tenant = "bench";
    private const string Point = "bench.echo";

    /// <summary>The default limits with a deadline no scheduling delay on a shared machine reaches: a timeout here would measure the machine.</summary>
    private static readonly SandboxLimits Limits = SandboxLimits.Default with { Timeout = TimeSpan.FromSeconds(30) };

    public static int Run(int calls)
    {
        Measure(calls, Console.Out);
        return 0;
    }

    /// <summary>Measures <paramref name="calls"/> calls per variant and prints p50 and p99 of each.</summary>
    public static void Measure(int calls, TextWriter output)
    {
        var config = new InMemoryConfigSource();
        config.Set(Tenant, "host-imports", "greeting", "hello");
        using var engine = new SandboxEngine(new RuntimeOptions(), HostCapabilities.Standard(new InMemoryKeyValueStore(new KeyValueOptions()), config));
        using var ticker = new EpochTicker(engine);
        ticker.StartAsync(default).GetAwaiter().GetResult();
        var sandbox = new ComponentSandbox(engine);

        Scenario[] scenarios =
        [
            EventScenario(engine, "event-handler.wat (1.0): handle, logs, proceed", "event-handler", expected: typeof(Decision.Proceed)),
            EventScenario(engine, "metadata-event-handler-1.1.wat (1.1): handle, veto", "metadata-event-handler-1.1", expected: typeof(Decision.Veto)),
            PointScenario(engine),
            ImportScenario(engine, "host-imports.wat: bump (key-value get + set)", "bump"),
            ImportScenario(engine, "host-imports.wat: greeting (config get)", "greeting"),
        ];

        var variants = scenarios.SelectMany(s => new[]
        {
            new Variant($"fresh  {s.Name}", () => s.Fresh(sandbox), null),
            new Variant($"warm   {s.Name}", s.Warm, s.Resources.Renew),
        }).ToArray();

        var perRound = Math.Max(1, calls / Rounds);
        var sorted = InterleavedSamples.Take([.. variants.Select(v => (v.Invoke, v.Untimed))], WarmUpCalls, perRound, Rounds);

        output.WriteLine(FigureText.Invariant($"host calls of saas:extensibility, 1 thread, {perRound * Rounds} calls per variant in {Rounds} interleaved rounds:"));
        for (var v = 0; v < variants.Length; v++)
        {
            output.WriteLine(FigureText.Invariant(
                $"  {variants[v].Name,-66} p50 {Percentiles.OfSorted(sorted[v], 50),7:F2} µs  p99 {Percentiles.OfSorted(sorted[v], 99),7:F2} µs"));
        }

        foreach (var scenario in scenarios)
        {
            scenario.Dispose();
        }
    }

    /// <summary>An event delivered as the host delivers it: the 1.1 event, resolved to the handler's version, its decision read.</summary>
    private static Scenario EventScenario(SandboxEngine engine, string name, string guest, Type expected)
    {
        var component = engine.CompileText(Guests.Wat(guest));
        var occurredAt = DateTimeOffset.UtcNow;
        ComponentValue[] Arguments() => EventHandlerCall.Arguments(EventHandlerCall.Event("evt-1", "order.placed", Tenant, occurredAt, """{"orderId":42}"""));
        void Check(ComponentValue? output)
        {
            if (EventHandlerCall.Decision(output) is not { } decision || decision.GetType() != expected)
            {
                throw new InvalidOperationException($"{guest}: unexpected decision");
            }
        }

        var warm = new WarmInstance(engine, component, guest);
        return new Scenario(
            name,
            sandbox =>
            {
                var result = sandbox.Invoke(component, EventHandlerCall.Target, Arguments(), Context(guest), Limits);
                Check(result.Output);
            },
            () =>
            {
                var (target, arguments) = ContractResolution.Resolve(component, EventHandlerCall.Target, Arguments());
                Check(warm.Call(target, arguments));
            },
            warm);
    }

    /// <summary>A generic extension point called as the host calls it: JSON in, <c>invoke(point, input)</c>, JSON out.</summary>
    private static Scenario PointScenario(SandboxEngine engine)
    {
        const string Guest = "point-echo";
        var component = engine.CompileText(Guests.Wat(Guest));
        var input = JsonDocument.Parse("""{"orderId":42,"lines":[{"sku":"A-1","quantity":2}]}""").RootElement.Clone();
        var target = new InvocationTarget(HostInterfaces.ExtensionPoint, "invoke");
        var signature = JsonCallShapes.GenericPointSignature;
        IReadOnlyList<ComponentValue> Arguments() => JsonCallShapes.Arguments(JsonCallShape.GenericPoint, input, Point, signature);
        void Check(InvocationResult invocation)
        {
            var read = JsonCallShapes.Read(JsonCallShape.GenericPoint, ExtensionCallResult.Of(invocation), signature);
            if (read.Output is not { ValueKind: JsonValueKind.Object })
            {
                throw new InvalidOperationException($"{Guest}: {read.Status} {read.Error}");
            }
        }

        var warm = new WarmInstance(engine, component, Guest);
        return new Scenario(
            "point-echo.wat: invoke(point, input), logs, echoes",
            sandbox => Check(sandbox.Invoke(component, target, Arguments(), Context(Guest), Limits)),
            () => Check(warm.Result(target, Arguments())),
            warm);
    }

    /// <summary>A root export of <c>host-imports.wat</c>, which calls the host's key-value or config import.</summary>
    private static Scenario ImportScenario(SandboxEngine engine, string name, string function)
    {
        const string Guest = "host-imports";
        var component = engine.CompileText(Guests.Wat(Guest));
        var target = new InvocationTarget(null, function);
        var warm = new WarmInstance(engine, component, Guest);
        return new Scenario(
            name,
            sandbox =>
            {
                var result = sandbox.Invoke(component, target, [], Context(Guest), Limits);
                if (result.Outcome != InvocationOutcome.Ok)
                {
                    throw new InvalidOperationException($"{function}: {result.Outcome} {result.Error}");
                }
            },
            () => warm.Call(target, []),
            warm);
    }

    private static InvocationContext Context(string component) => new() { TenantId = Tenant, ComponentName = component, Version = "1" };

    /// <summary>
    /// One live instance of a component, called again and again; each call in its own
    /// <see cref="InvocationScope"/>, as the sandbox gives one. The test guests' bump allocators
    /// never free, so the instance is replaced, untimed, every <see cref="CallsPerInstance"/> calls.
    /// </summary>
    private sealed class WarmInstance : IDisposable
    {
        private const int CallsPerInstance = 1_000;
        private readonly SandboxEngine _engine;
        private readonly CompiledComponent _component;
        private readonly InvocationContext _context;
        private readonly Dictionary<InvocationTarget, ComponentFunction> _functions = [];
        private Store _store = null!;
        private ComponentInstance _instance = null!;
        private int _calls;

        public WarmInstance(SandboxEngine engine, CompiledComponent component, string guest)
        {
            _engine = engine;
            _component = component;
            _context = Context(guest);
            Instantiate();
        }

        /// <summary>Replaces the instance when it has served its calls.</summary>
        public void Renew()
        {
            if (++_calls % CallsPerInstance == 0)
            {
                _functions.Clear();
                _store.Dispose();
                Instantiate();
            }
        }

        private void Instantiate()
        {
            var engine = _engine;
            var component = _component;
            _store = new Store(engine.Engine);
            _store.SetEpochDeadline(ulong.MaxValue / 2);
            var scope = NewScope();
            var previous = InvocationScope.Enter(scope);
            try
            {
                foreach (var capability in engine.Capabilities)
                {
                    capability.PrepareStore(_store, component, scope);
                }

                _instance = engine.Linker.Instantiate(_store, component.Component);
            }
            finally
            {
                InvocationScope.Exit(previous);
            }
        }

        public ComponentValue? Call(InvocationTarget target, IReadOnlyList<ComponentValue> arguments)
        {
            if (!_functions.TryGetValue(target, out var function))
            {
                function = (target.Interface is null ? _instance.GetFunction(target.Function) : _instance.GetFunction(target.Interface, target.Function))
                    ?? throw new InvalidOperationException($"no export {target}");
                _functions[target] = function;
            }

            var previous = InvocationScope.Enter(NewScope());
            try
            {
                return function.Call(arguments);
            }
            finally
            {
                InvocationScope.Exit(previous);
            }
        }

        /// <summary>A warm call's result as the sandbox reports one, for readers that take an <see cref="InvocationResult"/>.</summary>
        public InvocationResult Result(InvocationTarget target, IReadOnlyList<ComponentValue> arguments)
        {
            var output = Call(target, arguments);
            return new InvocationResult
            {
                Outcome = output is { Kind: ComponentValueKind.Result, IsOk: false } ? InvocationOutcome.GuestError : InvocationOutcome.Ok,
                Output = output,
                Duration = TimeSpan.Zero,
                Logs = [],
                Context = _context,
                Limits = SandboxLimits.Default,
            };
        }

        public void Dispose() => _store.Dispose();

        private InvocationScope NewScope()
        {
            var options = _engine.Options;
            return new InvocationScope(_context, new GuestLog(options.MaxLogLines, options.MaxLogLineLength, options.MaxLogTotalLength, Stopwatch.GetTimestamp()));
        }
    }

    private sealed record Scenario(string Name, Action<ComponentSandbox> Fresh, Action Warm, WarmInstance Resources) : IDisposable
    {
        public void Dispose() => Resources.Dispose();
    }

    /// <param name="Untimed">Run before each call, outside the timing.</param>
    private sealed record Variant(string Name, Action Invoke, Action? Untimed);
}
