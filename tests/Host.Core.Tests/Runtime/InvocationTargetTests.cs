namespace ExtensibilityHost.Core.Tests.Runtime;

public sealed class InvocationTargetTests
{
    [Fact]
    public void Parse_RootFunction_HasNoInterface() =>
        Assert.Equal(new InvocationTarget(null, "add"), InvocationTarget.Parse("add"));

    [Fact]
    public void Parse_InterfaceFunction_SplitsAtTheLastHash() =>
        Assert.Equal(
            new InvocationTarget("saas:extensibility/event-handler@1.0.0", "handle"),
            InvocationTarget.Parse("saas:extensibility/event-handler@1.0.0#handle"));

    [Theory]
    [InlineData("")]
    [InlineData(" ")]
    [InlineData("#handle")]
    [InlineData("iface#")]
    public void Parse_IncompleteName_IsRejectedWithAnExample(string text)
    {
        var exception = Assert.Throws<FormatException>(() => InvocationTarget.Parse(text));

        Assert.Contains("e.g.", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void ToString_RoundTripsThroughParse()
    {
        var target = new InvocationTarget("a:b/c@1.0.0", "d");

        Assert.Equal(target, InvocationTarget.Parse(target.ToString()));
    }
}
