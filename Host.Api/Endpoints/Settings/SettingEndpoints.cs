using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Runtime.Imports.Config;
using ExtensibilityHost.Core.Versions;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Endpoints.Settings;

/// <summary>
/// <c>/api/v1/admin/tenants/{tenant}/components/{name}/settings</c>: the values a component reads
/// through the <c>config</c> import. Admin-only: tenants' code reads them, tenants do not set them.
/// </summary>
internal static class SettingEndpoints
{
    public static IEndpointRouteBuilder MapSettingEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/admin/tenants/{tenant}/components/{name}/settings")
            .WithTags("Settings")
            .RequireAuthorization(ApiKeyDefaults.AdminPolicy);
        group.MapGet("/", ListAsync);
        group.MapPut("/{key}", SetAsync).Validate<SetSettingRequest>();
        group.MapDelete("/{key}", DeleteAsync);
        return app;
    }

    private static async Task<Ok<List<SettingResponse>>> ListAsync(
        string tenant, string name, SettingsEditor settings, CancellationToken cancellationToken)
    {
        var all = await settings.ListAsync(tenant, name, cancellationToken);
        return TypedResults.Ok(all.Select(s => new SettingResponse(s.Key, s.Value)).ToList());
    }

    private static async Task<Results<Created<SettingResponse>, Ok<SettingResponse>, ProblemHttpResult>> SetAsync(
        string tenant, string name, string key, SetSettingRequest request, SettingsEditor settings, CancellationToken cancellationToken)
    {
        if (!ComponentName.IsValid(name))
        {
            return ApiProblems.Validation($"'{name}' is not a component name.",
                new Dictionary<string, string[]> { ["name"] = [$"A component name is {ComponentName.Rule}."] });
        }

        if (key.Length > SettingsEditor.MaxKeyLength)
        {
            return ApiProblems.Validation("The setting key is too long.",
                new Dictionary<string, string[]> { ["key"] = [$"A key is at most {SettingsEditor.MaxKeyLength} characters."] });
        }

        var status = await settings.SetAsync(tenant, name, key, request.Value!, cancellationToken);
        var response = new SettingResponse(key, request.Value!);
        return status switch
        {
            SettingWriteStatus.Created => TypedResults.Created($"/api/v1/admin/tenants/{tenant}/components/{name}/settings/{key}", response),
            SettingWriteStatus.Updated => TypedResults.Ok(response),
            SettingWriteStatus.ComponentNotFound => ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'."),
            _ => ApiProblems.NotFound($"There is no tenant '{tenant}'."),
        };
    }

    private static async Task<Results<NoContent, ProblemHttpResult>> DeleteAsync(
        string tenant, string name, string key, SettingsEditor settings, CancellationToken cancellationToken) =>
        await settings.DeleteAsync(tenant, name, key, cancellationToken)
            ? TypedResults.NoContent()
            : ApiProblems.NotFound($"Component '{name}' of '{tenant}' has no setting '{key}'.");
}
