using ExtensibilityHost.Core.Reviews;
using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>Validates <see cref="DecisionRequest"/>: a reason, when given, fits the audit column.</summary>
internal sealed class DecisionRequestValidator : AbstractValidator<DecisionRequest>
{
    public DecisionRequestValidator() => RuleFor(r => r.Reason).MaximumLength(RejectRequest.MaxReasonLength);
}
