using Wasmtime.Components;
using V1_0 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_0_0.Logging;
using V1_1 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Logging;

namespace ExtensibilityHost.Core.Runtime.Imports.Logging;

/// <summary>
/// <c>saas:extensibility/logging</c>, every version the host serves, through the generated
/// bindings: guest log lines go to the call's capped log.
/// </summary>
internal sealed class LoggingCapability : IHostCapability, V1_0.ILogging, V1_1.ILogging
{
    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        V1_0.LoggingImport.Link(linker, () => this, HostFunction.Guard);
        V1_1.LoggingImport.Link(linker, () => this, HostFunction.Guard);
    }

    void V1_0.ILogging.Log(V1_0.Level level, string message) => InvocationScope.Current.Log.Add(Level(level), message);

    void V1_1.ILogging.Log(V1_1.Level level, string message) => InvocationScope.Current.Log.Add(Level(level), message);

    private static GuestLogLevel Level(V1_0.Level level) => level switch
    {
        V1_0.Level.Trace => GuestLogLevel.Trace,
        V1_0.Level.Debug => GuestLogLevel.Debug,
        V1_0.Level.Info => GuestLogLevel.Info,
        V1_0.Level.Warn => GuestLogLevel.Warn,
        V1_0.Level.Error => GuestLogLevel.Error,
        _ => throw new InvalidOperationException($"Unknown log level '{level}'."),
    };

    private static GuestLogLevel Level(V1_1.Level level) => level switch
    {
        V1_1.Level.Trace => GuestLogLevel.Trace,
        V1_1.Level.Debug => GuestLogLevel.Debug,
        V1_1.Level.Info => GuestLogLevel.Info,
        V1_1.Level.Warn => GuestLogLevel.Warn,
        V1_1.Level.Error => GuestLogLevel.Error,
        _ => throw new InvalidOperationException($"Unknown log level '{level}'."),
    };
}
