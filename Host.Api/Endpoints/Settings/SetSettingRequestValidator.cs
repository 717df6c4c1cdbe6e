using ExtensibilityHost.Core.Runtime.Imports.Config;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints;

internal sealed class SetSettingRequestValidator : AbstractValidator<SetSettingRequest>
{
    public SetSettingRequestValidator() =>
        RuleFor(r => r.Value).NotNull().MaximumLength(ComponentSettings.MaxValueLength)
            .WithMessage($"'value' is required, at most {ComponentSettings.MaxValueLength} characters.");
}
