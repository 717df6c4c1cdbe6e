using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints;

internal sealed class IssueKeyRequestValidator : AbstractValidator<IssueKeyRequest>
{
    public IssueKeyRequestValidator() => RuleFor(r => r.Name).MaximumLength(200);
}
