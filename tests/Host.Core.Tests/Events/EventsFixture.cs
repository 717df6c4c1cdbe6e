using System.Collections.Concurrent;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// What the event tests share: the guests' bytes and one on-disk artifact cache, so each
/// per-test host loads the 12 MB JavaScript guest compiled instead of compiling it again.
/// </summary>
public sealed class EventsFixture
{
    private readonly ConcurrentDictionary<string, byte[]> _guests = new();

    /// <summary>Beside the built guests, like the runtime tests' cache, so it survives test runs.</summary>
    public string ArtifactDirectory { get; } = Path.Combine(Path.GetDirectoryName(Guests.Built("js-event-handler.wasm"))!, ".artifacts");

    /// <summary>A WAT guest (by name) or a built one (by file name ending in .wasm), as component bytes.</summary>
    public byte[] Guest(string name) => _guests.GetOrAdd(name, static n => n.EndsWith(".wasm", StringComparison.Ordinal)
        ? File.ReadAllBytes(Guests.Built(n))
        : WatText.ToBinary(Guests.Wat(n)));
}

[CollectionDefinition(Name)]
public sealed class EventsCollection : ICollectionFixture<EventsFixture>
{
    public const string Name = "events";
}
