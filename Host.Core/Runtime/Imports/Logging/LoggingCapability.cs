using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.Logging;

/// <summary><c>saas:extensibility/logging</c>: guest log lines go to the call's capped log.</summary>
internal sealed class LoggingCapability : IHostCapability
{
    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        using var root = linker.Root();
        foreach (var name in HostInterfaces.AllVersions("logging"))
        {
            using var logging = root.AddInstance(name);
            Define(logging);
        }
    }

    private static void Define(ComponentLinkerInstance logging)
    {
        logging.DefineFunction("log", HostFunction.Guard(static (arguments, _) =>
            InvocationScope.Current.Log.Add(ParseLevel(arguments[0].AsEnum()), arguments[1].AsString())));
    }

    private static GuestLogLevel ParseLevel(string level) => level switch
    {
        "trace" => GuestLogLevel.Trace,
        "debug" => GuestLogLevel.Debug,
        "info" => GuestLogLevel.Info,
        "warn" => GuestLogLevel.Warn,
        "error" => GuestLogLevel.Error,
        _ => throw new InvalidOperationException($"Unknown log level '{level}'."),
    };
}
