using System.Collections.Concurrent;

namespace ExtensibilityHost.Core.Tests.Events;

/// <summary>
/// What the event tests share: the guests' bytes and one on-disk artifact cache, so each
/// per-test host loads the 12 MB JavaScript guest compiled instead of compiling it again.
/// </summary>
public sealed class EventsFixture
{
    private readonly ConcurrentDictionary<string, byte[]> _guests = new();

    /// <summary>Beside the built guests, like the runtime tests' cache, so it survives test runs.</summary>
    public string ArtifactDirectory { get; } = EmbeddedHost.SharedArtifactDirectory;

    /// <summary>
    /// A host node for the event tests: a manual clock, the outbox dispatcher driven by the test
    /// (<c>RunDispatcher</c> off unless <paramref name="settings"/> turn it on), short backoffs, and
    /// this fixture's artifact cache. Nodes may share a data directory (one database) and a clock.
    /// </summary>
    public Task<EmbeddedHost> StartHostAsync(
        Dictionary<string, string?>? settings = null,
        string? sharedDataDirectory = null,
        ManualTimeProvider? clock = null,
        Action<IServiceCollection>? configure = null)
    {
        var values = new Dictionary<string, string?>(EmbeddedHost.SmallPools)
        {
            ["ExtensibilityHost:Runtime:DefaultLimits:Timeout"] = "00:00:05",
            ["ExtensibilityHost:Events:RunDispatcher"] = "false",
            ["ExtensibilityHost:Events:PollInterval"] = "00:00:00.020",
            ["ExtensibilityHost:Events:BackoffBase"] = "00:00:01",
            ["ExtensibilityHost:Events:BackoffMax"] = "00:00:10",
            ["ExtensibilityHost:Events:LeaseDuration"] = "00:01:00",
        };
        foreach (var (key, value) in settings ?? [])
        {
            values[key] = value;
        }

        return EmbeddedHost.StartAsync(values, sharedDataDirectory, clock ?? new ManualTimeProvider(), configure, ArtifactDirectory, TestContext.Current.CancellationToken);
    }

    /// <summary>A WAT guest (by name) or a built one (by file name ending in .wasm), as component bytes.</summary>
    public byte[] Guest(string name) =>
        _guests.GetOrAdd(name, static n => Guests.Component(n.EndsWith(".wasm", StringComparison.Ordinal) ? n : n + ".wat"));
}

[CollectionDefinition(Name)]
public sealed class EventsCollection : ICollectionFixture<EventsFixture>
{
    public const string Name = "events";
}
