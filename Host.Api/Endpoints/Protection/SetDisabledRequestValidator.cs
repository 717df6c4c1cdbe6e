using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Protection;

internal sealed class SetDisabledRequestValidator : AbstractValidator<SetDisabledRequest>
{
    public SetDisabledRequestValidator() =>
        RuleFor(r => r.Disabled).NotNull().WithMessage("'disabled' is required: true or false.");
}
