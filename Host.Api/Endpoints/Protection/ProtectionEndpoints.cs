using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Protection;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Protection;

/// <summary>
/// Admin protection: re-enable a version the circuit breaker suspended, and the kill switches of a
/// tenant and of a component.
/// </summary>
internal static class ProtectionEndpoints
{
    public static IEndpointRouteBuilder MapProtectionEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin")
            .WithTags("Protection")
            .RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapPost("/versions/{versionId:guid}/reenable", ReenableAsync).Validate<ReenableRequest>();
        group.MapPut("/tenants/{tenant}/disabled", SetTenantDisabledAsync).Validate<SetDisabledRequest>();
        group.MapPut("/tenants/{tenant}/components/{name}/disabled", SetComponentDisabledAsync).Validate<SetDisabledRequest>();
        return app;
    }

    private static async Task<Results<Ok<ReenabledResponse>, ProblemHttpResult>> ReenableAsync(
        Guid versionId, ReenableRequest request, ExtensionProtection protection, HttpContext http, CancellationToken cancellationToken)
    {
        var status = await protection.ReenableAsync(versionId, http.User.Actor(), request.Reason, cancellationToken);
        return status switch
        {
            VersionReenableStatus.Reenabled => TypedResults.Ok(new ReenabledResponse(versionId, "active")),
            VersionReenableStatus.NotFound => ApiProblems.NotFound($"There is no version {versionId}."),
            VersionReenableStatus.NotSuspended => ApiProblems.Conflict($"Version {versionId} is not suspended.", ProblemTypes.VersionStateConflict),
            _ => ApiProblems.Conflict($"Another version of the component became active since {versionId} was suspended.", ProblemTypes.VersionStateConflict),
        };
    }

    private static async Task<Results<Ok<DisabledResponse>, ProblemHttpResult>> SetTenantDisabledAsync(
        string tenant, SetDisabledRequest request, ExtensionProtection protection, CancellationToken cancellationToken) =>
        await protection.SetTenantDisabledAsync(tenant, request.Disabled!.Value, cancellationToken)
            ? TypedResults.Ok(new DisabledResponse(tenant, null, request.Disabled.Value))
            : ApiProblems.NotFound($"There is no tenant '{tenant}'.");

    private static async Task<Results<Ok<DisabledResponse>, ProblemHttpResult>> SetComponentDisabledAsync(
        string tenant, string name, SetDisabledRequest request, ExtensionProtection protection, CancellationToken cancellationToken) =>
        await protection.SetComponentDisabledAsync(tenant, name, request.Disabled!.Value, cancellationToken)
            ? TypedResults.Ok(new DisabledResponse(tenant, name, request.Disabled.Value))
            : ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'.");
}
