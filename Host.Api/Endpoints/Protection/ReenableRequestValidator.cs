using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Protection;

internal sealed class ReenableRequestValidator : AbstractValidator<ReenableRequest>
{
    public ReenableRequestValidator() => RuleFor(r => r.Reason).MaximumLength(2000);
}
