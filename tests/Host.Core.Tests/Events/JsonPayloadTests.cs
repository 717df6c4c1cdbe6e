using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

public sealed class JsonPayloadTests
{
    [Theory]
    [InlineData("{}")]
    [InlineData("""{"a":[1,2,{"b":null}]}""")]
    [InlineData("42")]
    [InlineData("\"text\"")]
    [InlineData(" [ ] ")]
    public void Problem_OneJsonValue_IsNull(string payload) => Assert.Null(JsonPayload.Problem(payload, 1024));

    [Theory]
    [InlineData("{")]
    [InlineData("{} {}")]
    [InlineData("not json")]
    [InlineData("{'a':1}")]
    public void Problem_NotOneJsonValue_SaysItIsNotJson(string payload) =>
        Assert.StartsWith("the payload is not JSON", JsonPayload.Problem(payload, 1024), StringComparison.Ordinal);

    [Theory]
    [InlineData("")]
    [InlineData("   ")]
    public void Problem_Empty_AsksForJson(string payload) =>
        Assert.NotNull(JsonPayload.Problem(payload, 1024));

    [Fact]
    public void Problem_OverTheCapInUtf8Bytes_SaysHowBig()
    {
        var payload = "\"" + new string('é', 10) + "\"";

        Assert.Equal("the payload is 22 bytes, more than the 21 allowed", JsonPayload.Problem(payload, 21));
    }
}
