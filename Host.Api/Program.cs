using ExtensibilityHost.Api.Design;
using ExtensibilityHost.Api.Endpoints.Caller;
using ExtensibilityHost.Api.Endpoints.Components;
using ExtensibilityHost.Api.Endpoints.Deliveries;
using ExtensibilityHost.Api.Endpoints.Events;
using ExtensibilityHost.Api.Endpoints.ExtensionPoints;
using ExtensibilityHost.Api.Endpoints.Health;
using ExtensibilityHost.Api.Endpoints.Invocations;
using ExtensibilityHost.Api.Endpoints.OutboundOrigins;
using ExtensibilityHost.Api.Endpoints.Protection;
using ExtensibilityHost.Api.Endpoints.Reviews;
using ExtensibilityHost.Api.Endpoints.Settings;
using ExtensibilityHost.Api.Endpoints.Subscriptions;
using ExtensibilityHost.Api.Endpoints.Tenants;
using ExtensibilityHost.Core.Compilation;
using Microsoft.Extensions.Options;
using Prometheus;
using Scalar.AspNetCore;

if (args is ["migrations", ..])
{
    return MigrationsCommand.Run(args);
}

// A child process compiling one upload (see WorkerCompiler); it speaks only over its stdin and stdout.
if (args is [CompileWorker.Verb])
{
    return await CompileWorker.RunAsync(Console.OpenStandardInput(), Console.OpenStandardOutput());
}

var builder = WebApplication.CreateBuilder(args);
builder.AddApiServices();

var app = builder.Build();

app.UseExceptionHandler();
app.UseStatusCodePages();
app.UseAuthentication();
app.UseAuthorization();
app.UseAntiforgery();
app.UseRateLimiter();
app.UseHttpMetrics();

app.MapOpenApi();
app.MapScalarApiReference();
app.MapHealthEndpoints();
app.MapCallerEndpoints();
app.MapTenantEndpoints();
app.MapComponentEndpoints();
app.MapReviewEndpoints();
app.MapSubscriptionEndpoints();
app.MapEventEndpoints();
app.MapDeliveryEndpoints();
app.MapExtensionPointEndpoints();
app.MapInvokeEndpoints();
app.MapInvocationEndpoints();
app.MapProtectionEndpoints();
app.MapSettingEndpoints();
app.MapOutboundOriginEndpoints();
app.MapPortal();

// A setting out of range is the operator's to fix: one line each, not the host's stack trace.
try
{
    app.Services.GetService<IStartupValidator>()?.Validate();
}
catch (OptionsValidationException invalid)
{
    foreach (var failure in invalid.Failures)
    {
        Console.Error.WriteLine($"Configuration error: {failure}");
    }

    return ExitCodeConfigurationError;
}
catch (InvalidOperationException unreadable) when (unreadable.Message.StartsWith("Failed to convert configuration value", StringComparison.Ordinal))
{
    // A value of the wrong type ("abc" for a number): the binder's message names the value, the key and the type.
    Console.Error.WriteLine($"Configuration error: {unreadable.Message}");
    return ExitCodeConfigurationError;
}

app.Run();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program
{
    /// <summary>The exit code of a start refused for its configuration (<c>EX_CONFIG</c> of sysexits.h).</summary>
    public const int ExitCodeConfigurationError = 78;
}
