using ExtensibilityHost.Api.Design;
using ExtensibilityHost.Api.Endpoints;
using Prometheus;
using Scalar.AspNetCore;

if (args is ["migrations", ..])
{
    return MigrationsCommand.Run(args);
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
app.MapPortal();

app.Run();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
