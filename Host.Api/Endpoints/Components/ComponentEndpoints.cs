using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using ExtensibilityHost.Core.Versions;
using Microsoft.AspNetCore.Http.HttpResults;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Api.Endpoints.Components;

/// <summary>
/// <c>/api/v1/tenants/{tenant}/components</c>: upload versions, list components and versions. Tenant
/// keys act on their own tenant (another tenant's ids are a 404), admin keys on any.
/// </summary>
internal static class ComponentEndpoints
{
    public static IEndpointRouteBuilder MapComponentEndpoints(this IEndpointRouteBuilder app)
    {
        var group = app.MapGroup("/api/v1/tenants/{tenant}/components")
            .WithTags("Components")
            .RequireAuthorization(ApiKeyDefaults.CallerPolicy)
            .AddEndpointFilter<TenantAccessFilter>();
        group.MapGet("/", ListComponentsAsync);
        group.MapPost("/{name}/versions", UploadAsync)
            .Accepts<byte[]>(WasmRequestBody.MediaType)
            .ProducesProblem(StatusCodes.Status413PayloadTooLarge)
            .ProducesProblem(StatusCodes.Status422UnprocessableEntity)
            .ProducesProblem(StatusCodes.Status415UnsupportedMediaType);
        group.MapGet("/{name}/versions", ListVersionsAsync);
        group.MapGet("/{name}/versions/{version:int}", GetVersionAsync);
        return app;
    }

    private static async Task<Ok<List<ComponentResponse>>> ListComponentsAsync(
        string tenant, VersionCatalog catalog, CancellationToken cancellationToken)
    {
        var components = await catalog.ListComponentsAsync(tenant, cancellationToken);
        return TypedResults.Ok(components.ConvertAll(c =>
            new ComponentResponse(c.Name, c.CreatedAt, c.Disabled, c.VersionCount, c.LatestVersion, c.ActiveVersion)));
    }

    /// <summary>
    /// Uploads a component binary. Checks, in order: media type (415), name (400), size while the body
    /// streams in (413), the component itself (400 per failure class, WASI outside the allow-list
    /// included; 422 when compiling it runs past its time or memory budget); then stores it and answers
    /// 201 with the new pending version, or 200 with the existing version when these bytes were
    /// uploaded to this component before.
    /// </summary>
    private static async Task<Results<Created<VersionResponse>, Ok<VersionResponse>, ProblemHttpResult>> UploadAsync(
        string tenant, string name, HttpContext http, ComponentUploader uploader, IOptions<UploadOptions> options,
        WasiPolicy wasi, CancellationToken cancellationToken)
    {
        if (!ComponentName.IsValid(name))
        {
            return ApiProblems.Validation($"'{name}' is not a component name.",
                new Dictionary<string, string[]> { ["name"] = [$"A component name is {ComponentName.Rule}."] });
        }

        var (content, problem) = await WasmRequestBody.ReadAsync(http.Request, options.Value.MaxComponentBytes, cancellationToken);
        if (problem is not null)
        {
            return problem;
        }

        var result = await uploader.UploadAsync(tenant, name, content, cancellationToken);
        switch (result.Status)
        {
            case UploadStatus.NotAComponent:
                return ComponentProblems.NotAComponent(result.LoadError!);
            case UploadStatus.WorldMismatch:
                return ComponentProblems.WorldMismatch(result.Conformance!);
            case UploadStatus.WasiNotAllowed:
                return ComponentProblems.WasiNotAllowed(result.Conformance!, wasi);
            case UploadStatus.CompileBudgetExceeded:
                return ComponentProblems.CompileBudgetExceeded(result.BudgetExceeded!);
            case UploadStatus.AlreadyExists:
                http.Response.Headers.Location = VersionResponse.Location(result.Version!);
                return TypedResults.Ok(VersionResponse.From(result.Version!));
            default:
                return TypedResults.Created(VersionResponse.Location(result.Version!), VersionResponse.From(result.Version!));
        }
    }

    private static async Task<Results<Ok<List<VersionResponse>>, ProblemHttpResult>> ListVersionsAsync(
        string tenant, string name, VersionCatalog catalog, CancellationToken cancellationToken)
    {
        var versions = await catalog.ListVersionsAsync(tenant, name, cancellationToken);
        return versions is null
            ? ApiProblems.NotFound($"Tenant '{tenant}' has no component '{name}'.")
            : TypedResults.Ok(versions.ConvertAll(VersionResponse.From));
    }

    private static async Task<Results<Ok<VersionResponse>, ProblemHttpResult>> GetVersionAsync(
        string tenant, string name, int version, VersionCatalog catalog, CancellationToken cancellationToken)
    {
        var found = await catalog.FindVersionAsync(tenant, name, version, cancellationToken);
        return found is null
            ? ApiProblems.NotFound($"Component '{name}' of tenant '{tenant}' has no version {version}.")
            : TypedResults.Ok(VersionResponse.From(found));
    }
}
