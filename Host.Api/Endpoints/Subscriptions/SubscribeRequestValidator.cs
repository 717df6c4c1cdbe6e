using ExtensibilityHost.Core.Versions;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Subscriptions;

internal sealed class SubscribeRequestValidator : AbstractValidator<SubscribeRequest>
{
    public SubscribeRequestValidator()
    {
        RuleFor(r => r.Component).Must(ComponentName.IsValid).WithMessage($"'component' is {ComponentName.Rule}.");
        RuleFor(r => r.Mode).IsInEnum();
        RuleFor(r => r.Rank).InclusiveBetween(0, 1_000_000).When(r => r.Rank is not null);
        RuleFor(r => r.OnFailure).IsInEnum().When(r => r.OnFailure is not null);
    }
}
