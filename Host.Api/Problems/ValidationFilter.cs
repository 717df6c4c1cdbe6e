using FluentValidation;

namespace ExtensibilityHost.Api.Problems;

/// <summary>Runs the FluentValidation validator of the endpoint's <typeparamref name="T"/> body; 400 problem on failure.</summary>
internal sealed class ValidationFilter<T>(IValidator<T> validator) : IEndpointFilter
{
    public async ValueTask<object?> InvokeAsync(EndpointFilterInvocationContext context, EndpointFilterDelegate next)
    {
        var body = context.Arguments.OfType<T>().FirstOrDefault();
        if (body is null)
        {
            return ApiProblems.Validation("A JSON body is required.", new Dictionary<string, string[]> { ["body"] = ["A JSON body is required."] });
        }

        var result = await validator.ValidateAsync(body, context.HttpContext.RequestAborted);
        if (result.IsValid)
        {
            return await next(context);
        }

        var errors = result.Errors
            .GroupBy(e => JsonName(e.PropertyName))
            .ToDictionary(g => g.Key, g => g.Select(e => e.ErrorMessage).ToArray());
        return ApiProblems.Validation("One or more fields are not valid; see 'errors'.", errors);
    }

    private static string JsonName(string property) =>
        string.IsNullOrEmpty(property) ? "body" : char.ToLowerInvariant(property[0]) + property[1..];
}

/// <summary>Adds <see cref="ValidationFilter{T}"/> to an endpoint.</summary>
internal static class ValidationFilterExtensions
{
    public static RouteHandlerBuilder Validate<T>(this RouteHandlerBuilder builder) =>
        builder.AddEndpointFilter<ValidationFilter<T>>().ProducesValidationProblem();
}
