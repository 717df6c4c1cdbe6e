using ExtensibilityHost.Core.Storage;
using FluentValidation;

namespace ExtensibilityHost.Core.Events;

/// <summary>Validates <see cref="UpsertSubscription"/> (what can be checked without the database).</summary>
public sealed class UpsertSubscriptionValidator : AbstractValidator<UpsertSubscription>
{
    /// <summary>The highest explicit rank.</summary>
    public const int MaxRank = 1_000_000;

    /// <summary>Creates the rules.</summary>
    public UpsertSubscriptionValidator()
    {
        RuleFor(s => s.TenantId)
            .Must(TenantId.IsValid)
            .WithMessage("'tenantId' must be a tenant id (a lowercase slug of 2-63 characters).");
        RuleFor(s => s.EventType)
            .Must(EventTypeName.IsValid)
            .WithMessage($"'eventType' is not valid: {EventTypeName.Rule}.");
        RuleFor(s => s.Component)
            .NotEmpty()
            .MaximumLength(TenantId.MaxLength);
        RuleFor(s => s.Mode)
            .IsInEnum();
        RuleFor(s => s.Rank)
            .InclusiveBetween(0, MaxRank);
        RuleFor(s => s.OnFailure)
            .IsInEnum();
        RuleFor(s => s.OnFailure)
            .Null()
            .When(s => s.Mode == SubscriptionMode.Async)
            .WithMessage("'onFailure' applies to sync subscriptions only: async deliveries are retried and dead-lettered.");
    }
}
