using ExtensibilityHost.Core.Runtime.Imports.Config;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Settings;

internal sealed class SetSettingRequestValidator : AbstractValidator<SetSettingRequest>
{
    public SetSettingRequestValidator() =>
        RuleFor(r => r.Value).NotNull().MaximumLength(SettingsEditor.MaxValueLength)
            .WithMessage($"'value' is required, at most {SettingsEditor.MaxValueLength} characters.");
}
