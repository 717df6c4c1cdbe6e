using ExtensibilityHost.Core.Versions;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

internal sealed class BindExtensionPointRequestValidator : AbstractValidator<BindExtensionPointRequest>
{
    public BindExtensionPointRequestValidator() =>
        RuleFor(r => r.Component).Must(ComponentName.IsValid).WithMessage($"'component' is {ComponentName.Rule}.");
}
