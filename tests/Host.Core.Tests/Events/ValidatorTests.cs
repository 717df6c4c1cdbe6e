using ExtensibilityHost.Core.Events;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Events;

public sealed class ValidatorTests
{
    private static readonly DomainEventValidator EventValidator = new(Options.Create(new EventOptions { MaxPayloadBytes = 64 }));
    private static readonly UpsertSubscriptionValidator SubscriptionValidator = new();

    private static UpsertSubscription Subscription(SubscriptionMode mode = SubscriptionMode.Sync, int? rank = null, SyncFailurePolicy? onFailure = null, string component = "pricing") =>
        new() { TenantId = "acme", EventType = "order.placed", Component = component, Mode = mode, Rank = rank, OnFailure = onFailure };

    [Theory]
    [InlineData(0)]
    [InlineData(DomainEvent.MaxDepth)]
    public void DomainEvent_DepthUpToTheMaximum_IsValid(int depth) =>
        Assert.True(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { Depth = depth }).IsValid);

    [Theory]
    [InlineData(DomainEvent.MaxDepth + 1)]
    [InlineData(-1)]
    public void DomainEvent_DepthOutOfRange_IsInvalid(int depth) =>
        Assert.Contains(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { Depth = depth }).Errors, e => e.PropertyName == nameof(DomainEvent.Depth));

    [Theory]
    [InlineData("A", "order.placed", "{}", nameof(DomainEvent.TenantId))]
    [InlineData("acme", "placed", "{}", nameof(DomainEvent.EventType))]
    [InlineData("acme", "order.placed", "{", nameof(DomainEvent.Payload))]
    [InlineData("acme", "order.placed", """{"padding":"0123456789012345678901234567890123456789012345678901234567890"}""", nameof(DomainEvent.Payload))]
    public void DomainEvent_InvalidField_IsNamed(string tenant, string eventType, string payload, string field) =>
        Assert.Contains(EventValidator.Validate(new DomainEvent(tenant, eventType, payload)).Errors, e => e.PropertyName == field);

    [Fact]
    public void DomainEvent_EmptyEventId_IsInvalid() =>
        Assert.False(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { EventId = "" }).IsValid);

    [Theory]
    [InlineData("checkout-42")]
    [InlineData("00-4bf92f3577b34da6a3ce929d0e0e4736-00f067aa0ba902b7-01")]
    [InlineData("!~")]
    public void DomainEvent_VisibleAsciiCorrelationId_IsValid(string correlationId) =>
        Assert.True(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { CorrelationId = correlationId }).IsValid);

    [Fact]
    public void DomainEvent_CorrelationIdOfTheMaximumLength_IsValid() =>
        Assert.True(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { CorrelationId = new string('a', DomainEvent.MaxCorrelationIdLength) }).IsValid);

    [Theory]
    [InlineData("")]
    [InlineData("two words")]
    [InlineData("tab\there")]
    [InlineData("new\nline")]
    [InlineData("nul\u0000")]
    [InlineData("del\u007f")]
    [InlineData("caf\u00e9")]
    [InlineData("over")]
    public void DomainEvent_InvalidCorrelationId_IsNamed(string correlationId)
    {
        var value = correlationId == "over" ? new string('a', DomainEvent.MaxCorrelationIdLength + 1) : System.Text.RegularExpressions.Regex.Unescape(correlationId);

        Assert.Contains(EventValidator.Validate(new DomainEvent("acme", "order.placed", "{}") { CorrelationId = value }).Errors, e => e.PropertyName == nameof(DomainEvent.CorrelationId));
    }

    [Fact]
    public void Subscription_SyncWithPolicyAndRank_IsValid() =>
        Assert.True(SubscriptionValidator.Validate(Subscription(rank: 0, onFailure: SyncFailurePolicy.FailClosed)).IsValid);

    [Theory]
    [InlineData(-1)]
    [InlineData(UpsertSubscriptionValidator.MaxRank + 1)]
    public void Subscription_RankOutOfRange_IsInvalid(int rank) =>
        Assert.False(SubscriptionValidator.Validate(Subscription(rank: rank)).IsValid);

    [Fact]
    public void Subscription_AsyncWithPolicy_IsInvalid() =>
        Assert.False(SubscriptionValidator.Validate(Subscription(SubscriptionMode.Async, onFailure: SyncFailurePolicy.FailOpen)).IsValid);

    [Fact]
    public void Subscription_UndefinedMode_IsInvalid() =>
        Assert.False(SubscriptionValidator.Validate(Subscription((SubscriptionMode)7)).IsValid);

    [Fact]
    public void Subscription_NoComponent_IsInvalid() =>
        Assert.False(SubscriptionValidator.Validate(Subscription(component: "")).IsValid);
}
