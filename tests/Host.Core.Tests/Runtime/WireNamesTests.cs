namespace ExtensibilityHost.Core.Tests.Runtime;

public sealed class WireNamesTests
{
    [Fact]
    public void Outcome_EveryValue_RoundTripsThroughItsWireName()
    {
        foreach (var outcome in Enum.GetValues<InvocationOutcome>())
        {
            Assert.True(WireNames.TryParseOutcome(outcome.ToWireName(), out var parsed));
            Assert.Equal(outcome, parsed);
        }
    }

    [Fact]
    public void Trap_EveryValue_HasADistinctKebabCaseName()
    {
        var names = Enum.GetValues<TrapKind>().Select(t => t.ToWireName()).ToList();

        Assert.Equal(names.Count, names.Distinct().Count());
        Assert.All(names, name => Assert.Matches("^[a-z]+(-[a-z]+)*$", name));
    }

    [Fact]
    public void Trap_HostCopyLimit_IsHostCopyLimit() =>
        Assert.Equal("host-copy-limit", TrapKind.HostCopyLimit.ToWireName());

    [Fact]
    public void TryParseOutcome_UnknownName_IsFalse() =>
        Assert.False(WireNames.TryParseOutcome("exploded", out _));
}
