using System.Text.Json;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

internal sealed class InvokeExportRequestValidator : AbstractValidator<InvokeExportRequest>
{
    public InvokeExportRequestValidator() =>
        RuleFor(r => r.Args).Must(a => a.ValueKind == JsonValueKind.Array)
            .WithMessage("'args' must be a JSON array with one value per parameter, e.g. [40, 2].");
}
