namespace ExtensibilityHost.Core.Events;

/// <summary>The outcome of <see cref="SubscriptionService.UpsertAsync"/>.</summary>
public sealed record SubscriptionUpsertResult
{
    /// <summary>Created, updated or invalid.</summary>
    public required SubscriptionUpsertStatus Status { get; init; }

    /// <summary>The subscription as saved, unless invalid.</summary>
    public Subscription? Subscription { get; init; }

    /// <summary>For <see cref="SubscriptionUpsertStatus.Invalid"/>: messages by camel-case field name (<c>eventType</c>, <c>component</c>, …).</summary>
    public IReadOnlyDictionary<string, string[]> Errors { get; init; } = new Dictionary<string, string[]>();
}
