using ExtensibilityHost.Core.Reviews;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>Validates <see cref="ShadowRunRequest"/>.</summary>
internal sealed class ShadowRunRequestValidator : AbstractValidator<ShadowRunRequest>
{
    public ShadowRunRequestValidator() =>
        RuleFor(r => r.Count).InclusiveBetween(1, ShadowRunner.MaxInputs)
            .WithMessage($"'count' is how many recorded inputs to replay, 1 to {ShadowRunner.MaxInputs}.");
}
