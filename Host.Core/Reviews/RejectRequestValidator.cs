using FluentValidation;

namespace ExtensibilityHost.Core.Reviews;

/// <summary>Validates <see cref="RejectRequest"/>: a rejection always says why.</summary>
public sealed class RejectRequestValidator : AbstractValidator<RejectRequest>
{
    /// <summary>Creates the rules.</summary>
    public RejectRequestValidator()
    {
        RuleFor(r => r.Reason)
            .Must(reason => !string.IsNullOrWhiteSpace(reason))
            .WithMessage("'reason' is required: tell the tenant why the version is rejected.")
            .MaximumLength(RejectRequest.MaxReasonLength);
    }
}
