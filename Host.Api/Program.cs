using ExtensibilityHost.Api.Design;

if (args is ["migrations", ..])
{
    return MigrationsCommand.Run(args);
}

var builder = WebApplication.CreateBuilder(args);

builder.Services.AddExtensibilityHost(builder.Configuration);

var app = builder.Build();

app.MapGet("/health/live", () => TypedResults.Ok(new { status = "live" }));

app.Run();
return 0;

/// <summary>Entry point, visible to <c>WebApplicationFactory</c> in tests.</summary>
public partial class Program;
