namespace ExtensibilityHost.Api.Tests;

/// <summary>
/// Tests that load the machine on purpose (a flood, endless loops, memory bombs): they run alone,
/// after the parallel collections, so their load neither slows other tests past their deadlines nor
/// mixes other tests' work into the figures they print.
/// </summary>
[CollectionDefinition(Name, DisableParallelization = true)]
public sealed class LoadCollection
{
    public const string Name = "load";
}
