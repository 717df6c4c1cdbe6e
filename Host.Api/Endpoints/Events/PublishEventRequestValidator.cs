using System.Text.Json;
using ExtensibilityHost.Core.Events;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Events;

internal sealed class PublishEventRequestValidator : AbstractValidator<PublishEventRequest>
{
    public PublishEventRequestValidator()
    {
        RuleFor(r => r.EventType).Must(EventTypeName.IsValid).WithMessage($"'eventType': {EventTypeName.Rule}.");
        RuleFor(r => r.Payload).Must(p => p.ValueKind != JsonValueKind.Undefined).WithMessage("'payload' is required (any JSON value).");
        RuleFor(r => r.EventId).MaximumLength(200).Matches("^[A-Za-z0-9._:-]+$")
            .WithMessage("'eventId' may hold letters, digits and . _ : - (at most 200 characters).")
            .When(r => r.EventId is not null);
        RuleFor(r => r.CorrelationId).Must(id => DomainEvent.IsValidCorrelationId(id!))
            .WithMessage($"'correlationId' must be 1-{DomainEvent.MaxCorrelationIdLength} visible ASCII characters (no spaces or control characters).")
            .When(r => r.CorrelationId is not null);
    }
}
