using System.Text.Json;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

internal sealed class InvokeExtensionPointRequestValidator : AbstractValidator<InvokeExtensionPointRequest>
{
    public InvokeExtensionPointRequestValidator() =>
        RuleFor(r => r.Input).Must(i => i.ValueKind != JsonValueKind.Undefined).WithMessage("'input' is required (any JSON value).");
}
