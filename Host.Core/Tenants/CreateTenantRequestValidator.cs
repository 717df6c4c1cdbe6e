using ExtensibilityHost.Core.Storage;
using FluentValidation;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>Validates <see cref="CreateTenantRequest"/>.</summary>
public sealed class CreateTenantRequestValidator : AbstractValidator<CreateTenantRequest>
{
    /// <summary>Creates the rules.</summary>
    public CreateTenantRequestValidator()
    {
        RuleFor(r => r.Id)
            .NotEmpty()
            .Must(TenantId.IsValid)
            .WithMessage("'id' must be a lowercase slug of 2-63 characters: letters, digits and '-', starting with a letter or digit (e.g. 'acme').");
        RuleFor(r => r.Name)
            .NotEmpty()
            .MaximumLength(200);
    }
}
