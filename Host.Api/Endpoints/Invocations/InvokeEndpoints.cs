using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Invocations;

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
        InvocationTarget export;
        try
        {
            export = InvocationTarget.ParsePath(target);
        }
        catch (FormatException exception)
        {
            return ApiProblems.Validation($"'{target}' does not name an export.", new Dictionary<string, string[]> { ["target"] = [exception.Message] });
        }

        var result = await invoker.InvokeExportAsync(tenant, name, export, request.Args, cancellationToken);
        return result.Status == ExtensionCallStatus.Ok
            ? TypedResults.Ok(InvokeExportResponse.From(result))
            : InvocationProblems.For(http, result);
    }
}
