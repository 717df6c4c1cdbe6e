using System.Collections.Concurrent;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Saas.Extensibility.Config;
using Saas.Extensibility.KeyValue;
using Saas.Extensibility.Logging;
using Wasmtime.Components;

namespace ExtensibilityHost.Wit.Tests.Guests;

/// <summary>
/// The saas host imports implemented through the generated interfaces (<see cref="IKeyValue"/>,
/// <see cref="IConfig"/>, <see cref="ILogging"/>) and linked by the generated <c>…Import.Link</c>,
/// in memory, instead of the host's own capabilities.
/// </summary>
public sealed class GeneratedImports : IHostCapability, IKeyValue, IConfig, ILogging
{
    public ConcurrentDictionary<string, byte[]> Entries { get; } = new(StringComparer.Ordinal);

    public ConcurrentDictionary<string, string> Settings { get; } = new(StringComparer.Ordinal);

    public ConcurrentQueue<(Level Level, string Message)> Lines { get; } = new();

    public void Link(ComponentLinker linker)
    {
        KeyValueImport.Link(linker, () => this, HostFunction.Guard);
        ConfigImport.Link(linker, () => this, HostFunction.Guard);
        LoggingImport.Link(linker, () => this, HostFunction.Guard);
    }

    byte[]? IKeyValue.Get(string key) => Entries.TryGetValue(key, out var value) ? value : null;

    Result<Unit, string> IKeyValue.Set(string key, byte[] value)
    {
        if (key.Length == 0)
        {
            return Result<Unit, string>.Err("key must not be empty");
        }

        Entries[key] = value;
        return Result<Unit, string>.Ok(Unit.Value);
    }

    void IKeyValue.Delete(string key) => Entries.TryRemove(key, out _);

    string? IConfig.Get(string key) => Settings.TryGetValue(key, out var value) ? value : null;

    void ILogging.Log(Level level, string message) => Lines.Enqueue((level, message));
}
