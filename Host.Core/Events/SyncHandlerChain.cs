using Decision = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.Types.Decision;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>
/// Runs an event's sync subscriptions in rank order while the publisher waits: each handler sees
/// the payload as the handlers before it left it, a <c>veto</c> (or a failure under a fail-closed
/// subscription) stops the chain, a <c>replace</c> hands a new payload on.
/// </summary>
internal sealed partial class SyncHandlerChain(IExtensionRunner runner, IOptions<EventOptions> options, ILogger<SyncHandlerChain> logger)
{
    public async Task<SyncChainResult> RunAsync(DomainEvent domainEvent, IEnumerable<Subscription> syncSubscriptions, CancellationToken cancellationToken)
    {
        var payload = domainEvent.Payload;
        List<SyncHandlerDecision> decisions = [];
        foreach (var subscription in syncSubscriptions)
        {
            var decision = await RunAsync(domainEvent, subscription, payload, cancellationToken);
            decisions.Add(decision);
            if (decision.StoppedTheOperation)
            {
                return new SyncChainResult(decisions, payload, decision);
            }

            if (decision.Decision == SyncDecisionKind.Replace)
            {
                payload = decision.ReplacementPayload!;
            }
        }

        return new SyncChainResult(decisions, payload, null);
    }

    private async Task<SyncHandlerDecision> RunAsync(DomainEvent domainEvent, Subscription subscription, string payload, CancellationToken cancellationToken)
    {
        // The publisher is waiting: a tenant at its concurrency limit is a failure now, not a queue.
        var run = await runner.RunAsync(EventHandlerCall.Request(
            domainEvent.TenantId, subscription.ComponentName, domainEvent.EventId, domainEvent.EventType, domainEvent.OccurredAt, payload,
            waitForSlot: false, domainEvent.CorrelationId, domainEvent.Depth), cancellationToken);

        if (run.Invocation is not { } invocation)
        {
            return run.Status == ExtensionCallStatus.ConcurrencyLimited
                ? Failed(subscription, $"tenant '{domainEvent.TenantId}' is at its concurrency limit", outcome: null, invocationId: null)
                : new SyncHandlerDecision
                {
                    SubscriptionId = subscription.Id,
                    ComponentName = subscription.ComponentName,
                    Decision = SyncDecisionKind.Skipped,
                    Reason = run.Error ?? run.Status.ToString(),
                };
        }

        var outcome = invocation.Outcome.ToWireName();
        if (invocation.Outcome != InvocationOutcome.Ok)
        {
            return Failed(subscription, EventHandlerCall.FailureText(invocation), outcome, run.InvocationId);
        }

        switch (EventHandlerCall.Decision(invocation.Output))
        {
            case Decision.Proceed:
                return Decided(subscription, SyncDecisionKind.Proceed, outcome, run.InvocationId);
            case Decision.Veto(var reason):
                return Decided(subscription, SyncDecisionKind.Veto, outcome, run.InvocationId) with
                {
                    Reason = string.IsNullOrEmpty(reason) ? $"vetoed by '{subscription.ComponentName}'" : reason,
                };
            case Decision.Replace(var replacement):
                return JsonPayload.Problem(replacement, options.Value.MaxPayloadBytes) is { } problem
                    ? Failed(subscription, "invalid replacement: " + problem, outcome, run.InvocationId)
                    : Decided(subscription, SyncDecisionKind.Replace, outcome, run.InvocationId) with { ReplacementPayload = replacement };
            default:
                return Failed(subscription, "the handler returned something other than a decision", outcome, run.InvocationId);
        }
    }

    private static SyncHandlerDecision Decided(Subscription subscription, SyncDecisionKind decision, string outcome, Guid? invocationId) => new()
    {
        SubscriptionId = subscription.Id,
        ComponentName = subscription.ComponentName,
        Decision = decision,
        Outcome = outcome,
        InvocationId = invocationId,
    };

    private SyncHandlerDecision Failed(Subscription subscription, string error, string? outcome, Guid? invocationId)
    {
        var policy = subscription.OnFailure ?? options.Value.SyncFailurePolicy;
        LogHandlerFailed(subscription.TenantId, subscription.ComponentName, subscription.EventType, error, policy);
        return new SyncHandlerDecision
        {
            SubscriptionId = subscription.Id,
            ComponentName = subscription.ComponentName,
            Decision = SyncDecisionKind.Failed,
            Reason = policy == SyncFailurePolicy.FailClosed
                ? $"'{subscription.ComponentName}' failed and its subscription is fail-closed: {error}"
                : $"'{subscription.ComponentName}' failed (passed over, fail-open): {error}",
            AppliedPolicy = policy,
            Outcome = outcome,
            InvocationId = invocationId,
        };
    }

    [LoggerMessage(Level = LogLevel.Warning, Message = "Sync handler {ComponentName} of tenant {TenantId} failed on {EventType} ({Policy}): {Error}")]
    private partial void LogHandlerFailed(string tenantId, string componentName, string eventType, string error, SyncFailurePolicy policy);
}

/// <summary>What the sync handlers decided: one decision each (in order), the payload they left, and the decision that stopped the operation, if one did.</summary>
internal sealed record SyncChainResult(IReadOnlyList<SyncHandlerDecision> Decisions, string Payload, SyncHandlerDecision? Stopped);
