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
