using System.Text.Json;
using System.Text.Json.Serialization;
using ExtensibilityHost.Api.Auth;
using ExtensibilityHost.Api.Health;
using ExtensibilityHost.Api.Problems;
using ExtensibilityHost.Api.RateLimiting;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Persistence;
using FluentValidation;
using Microsoft.AspNetCore.Authentication;
using Microsoft.AspNetCore.Diagnostics;

namespace Microsoft.Extensions.DependencyInjection;

/// <summary>The HTTP layer's composition: auth, problems, validation, rate limits, OpenAPI, health, the admin portal.</summary>
internal static class ApiServiceCollectionExtensions
{
    public static WebApplicationBuilder AddApiServices(this WebApplicationBuilder builder)
    {
        var services = builder.Services;
        // Uploads compile in a child process of this very executable, killed at its budgets.
        services.AddExtensibilityHost(builder.Configuration)
            .UseCompileWorker(CompileWorkerCommand.ForApplication(typeof(Program).Assembly));

        services.AddSingleton<ProblemMetrics>();
        services.AddProblemDetails(options => options.CustomizeProblemDetails = context =>
        {
            FrameworkProblemTypes.Apply(context);
            context.HttpContext.RequestServices.GetRequiredService<ProblemMetrics>().Record(context.ProblemDetails);
        });
        services.AddExceptionHandler<UnhandledExceptionProblemHandler>();
        services.ConfigureHttpJsonOptions(options =>
        {
            options.SerializerOptions.PropertyNamingPolicy = JsonNamingPolicy.CamelCase;
            options.SerializerOptions.Converters.Add(new JsonStringEnumConverter(JsonNamingPolicy.KebabCaseLower));
        });

        services.AddAuthentication(ApiKeyDefaults.Scheme)
            .AddScheme<AuthenticationSchemeOptions, ApiKeyAuthenticationHandler>(ApiKeyDefaults.Scheme, null);
        services.AddAuthorizationBuilder()
            .AddPolicy(ApiKeyDefaults.AdminPolicy, policy => policy.RequireRole(ApiKeyDefaults.AdminRole))
            .AddPolicy(ApiKeyDefaults.CallerPolicy, policy => policy.RequireAuthenticatedUser());
        services.AddScoped<TenantAccessFilter>();
        services.AddPortal();
        services.AddValidatorsFromAssemblyContaining<Program>(ServiceLifetime.Singleton, includeInternalTypes: true);

        services.AddTenantRateLimiting(builder.Configuration);
        services.AddOpenApi(options => options.AddDocumentTransformer<BearerSecurityTransformer>());
        services.AddHealthChecks()
            .AddDbContextCheck<HostDbContext>("database")
            .AddCheck<BlobStoreHealthCheck>("blob-store");
        return builder;
    }
}
