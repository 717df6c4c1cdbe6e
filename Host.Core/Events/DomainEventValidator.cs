using ExtensibilityHost.Core.Storage;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>Validates a <see cref="DomainEvent"/> before it is dispatched; a failure refuses the event.</summary>
public sealed class DomainEventValidator : AbstractValidator<DomainEvent>
{
    /// <summary>Creates the rules; the payload cap comes from <see cref="EventOptions.MaxPayloadBytes"/>.</summary>
    public DomainEventValidator(IOptions<EventOptions> options)
    {
        ArgumentNullException.ThrowIfNull(options);
        var maxPayloadBytes = options.Value.MaxPayloadBytes;

        RuleFor(e => e.Depth)
            .LessThanOrEqualTo(DomainEvent.MaxDepth)
            .WithMessage(e => $"The event is {e.Depth} levels deep, more than the {DomainEvent.MaxDepth} allowed: events raised in reaction to events are refused past that, so extensions cannot trigger each other forever.")
            .GreaterThanOrEqualTo(0);
        RuleFor(e => e.TenantId)
            .Must(TenantId.IsValid)
            .WithMessage("'tenantId' must be a tenant id (a lowercase slug of 2-63 characters).");
        RuleFor(e => e.EventType)
            .Must(EventTypeName.IsValid)
            .WithMessage($"'eventType' is not valid: {EventTypeName.Rule}.");
        RuleFor(e => e.EventId)
            .NotEmpty()
            .MaximumLength(200);
        RuleFor(e => e.CorrelationId)
            .Must(id => DomainEvent.IsValidCorrelationId(id!))
            .When(e => e.CorrelationId is not null)
            .WithMessage($"'correlationId' must be 1-{DomainEvent.MaxCorrelationIdLength} visible ASCII characters (no spaces or control characters).");
        RuleFor(e => e.Payload)
            .NotNull()
            .Custom((payload, context) =>
            {
                if (payload is not null && JsonPayload.Problem(payload, maxPayloadBytes) is { } problem)
                {
                    context.AddFailure(nameof(DomainEvent.Payload), "'payload': " + problem + ".");
                }
            });
    }
}
