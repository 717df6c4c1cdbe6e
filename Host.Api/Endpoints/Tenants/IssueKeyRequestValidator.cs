using FluentValidation;

namespace ExtensibilityHost.Api.Endpoints.Tenants;

internal sealed class IssueKeyRequestValidator : AbstractValidator<IssueKeyRequest>
{
    public IssueKeyRequestValidator() => RuleFor(r => r.Name).MaximumLength(200);
}
