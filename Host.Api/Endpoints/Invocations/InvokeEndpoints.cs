using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Invocations;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary>
/// <c>POST /api/v1/tenants/{tenant}/components/{name}/invoke/{interface}/{function}</c>: a typed call
/// of any export of the active version, JSON converted by the function's own WIT types. The
/// interface keeps its slash (<c>…/invoke/acme:shop/pricing@1.0.0/discount</c>; <c>%2F</c> works
/// too); a function exported at the component root is <c>…/invoke/{function}</c>.
/// </summary>
internal static class InvokeEndpoints
{
    public static IEndpointRouteBuilder MapInvokeEndpoints(this IEndpointRouteBuilder app)
    {
        app.MapGroup("/api/v1/tenants/{tenant}/components/{name}/invoke")
            .WithTags("Invoke")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>()
            .MapPost("/{**target}", InvokeAsync)
            .Validate<InvokeExportRequest>();
        return app;
    }

    private static async Task<Results<Ok<InvokeExportResponse>, ProblemHttpResult>> InvokeAsync(
        string tenant, string name, string target, InvokeExportRequest request, IComponentInvoker invoker, HttpContext http,
        CancellationToken cancellationToken)
    {
        var path = Uri.UnescapeDataString(target).Trim('/');
        var slash = path.LastIndexOf('/');
        var (interfaceName, function) = slash < 0 ? (null, path) : (path[..slash], path[(slash + 1)..]);
        if (function.Length == 0 || interfaceName is { Length: 0 })
        {
            return ApiProblems.Validation($"'{target}' does not name an export.",
                new Dictionary<string, string[]> { ["target"] = ["Use …/invoke/{interface}/{function}, or …/invoke/{function} for a root export."] });
        }

        var result = await invoker.InvokeExportAsync(tenant, name, interfaceName, function, request.Args, cancellationToken);
        if (result.Status == ExtensionCallStatus.Ok)
        {
            return TypedResults.Ok(InvokeExportResponse.From(result));
        }

        return InvocationProblems.For(http, result.Status, new InvocationProblems.CallDetails(
            result.Outcome, result.Trap, result.Error, result.ErrorValue, result.Output, result.DurationMs, result.InvocationId, result.VersionNumber));
    }
}
