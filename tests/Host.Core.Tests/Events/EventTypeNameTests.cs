using ExtensibilityHost.Core.Events;

namespace ExtensibilityHost.Core.Tests.Events;

public sealed class EventTypeNameTests
{
    [Theory]
    [InlineData("order.placed")]
    [InlineData("invoice.payment-failed")]
    [InlineData("crm.contact.v2.merged")]
    [InlineData("a.b")]
    public void IsValid_DotSeparatedLowercaseSegments_IsTrue(string eventType) => Assert.True(EventTypeName.IsValid(eventType));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("order")]
    [InlineData("Order.Placed")]
    [InlineData("order.placed\n")]
    [InlineData("order..placed")]
    [InlineData(".order.placed")]
    [InlineData("order.placed.")]
    [InlineData("order.2placed")]
    [InlineData("order placed")]
    [InlineData("order/placed")]
    [InlineData("order.placed_now")]
    public void IsValid_AnythingElse_IsFalse(string? eventType) => Assert.False(EventTypeName.IsValid(eventType));

    [Fact]
    public void IsValid_LongerThan200Characters_IsFalse() =>
        Assert.False(EventTypeName.IsValid("a." + new string('b', EventTypeName.MaxLength - 1)));
}
