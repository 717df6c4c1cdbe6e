namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// The tests that kill a child host process and start it again, run one at a time and with no other
/// test beside them: they keep both cores busy for a minute or more, and beside them timing-sensitive
/// tests miss their deadlines (a 100 ms call, a record that should still be queued), while their own
/// kills would land in a host starved by the rest of the suite.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class CrashCollection
{
    public const string Name = "crash";
}
