using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using FluentValidation;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.Endpoints.OutboundOrigins;

internal sealed class SetOutboundOriginsRequestValidator : AbstractValidator<SetOutboundOriginsRequest>
{
    public SetOutboundOriginsRequestValidator(IOptions<OutboundHttpOptions> options)
    {
        var max = options.Value.MaxOriginsPerComponent;
        RuleFor(r => r.Origins).NotNull().WithMessage("'origins' is required: a list of origins, empty to allow none.");
        RuleFor(r => r.Origins!.Count).LessThanOrEqualTo(max).When(r => r.Origins is not null)
            .OverridePropertyName("origins")
            .WithMessage($"At most {max} origins per component.");
        RuleForEach(r => r.Origins).Custom((text, context) =>
        {
            if (!OutboundOrigin.TryParse(text, out _, out var error))
            {
                context.AddFailure(Capitalized(error) + ".");
            }
        }).When(r => r.Origins is not null && r.Origins.Count <= max);
    }

    private static string Capitalized(string text) => char.ToUpperInvariant(text[0]) + text[1..];
}
