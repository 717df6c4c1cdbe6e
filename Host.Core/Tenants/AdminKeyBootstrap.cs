using ExtensibilityHost.Core.Persistence;
using Microsoft.EntityFrameworkCore;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Hosting;
using Microsoft.Extensions.Logging;

namespace ExtensibilityHost.Core.Tenants;

/// <summary>
/// Makes sure an admin can log in: the key in <c>EXTHOST_ADMIN_KEY</c> (or
/// <c>ExtensibilityHost:AdminKey</c>) is registered; without one, the first start generates an
/// admin key and prints it once.
/// </summary>
internal sealed partial class AdminKeyBootstrap(
    IServiceScopeFactory scopes, IConfiguration configuration, TimeProvider time, ILogger<AdminKeyBootstrap> logger) : IHostedService
{
    public const string AdminKeyVariable = "EXTHOST_ADMIN_KEY";

    public async Task StartAsync(CancellationToken cancellationToken)
    {
        await using var scope = scopes.CreateAsyncScope();
        var db = scope.ServiceProvider.GetRequiredService<HostDbContext>();
        var configured = Environment.GetEnvironmentVariable(AdminKeyVariable) ?? configuration["ExtensibilityHost:AdminKey"];
        if (!string.IsNullOrEmpty(configured))
        {
            var secret = ApiKeySecret.FromKey(configured);
            if (!await db.ApiKeys.AnyAsync(k => k.Hash == secret.Hash && k.RevokedAt == null, cancellationToken))
            {
                db.ApiKeys.Add(NewAdminKey(secret, "configured admin key"));
                await db.SaveChangesAsync(cancellationToken);
            }

            // The configured key takes precedence: any other admin key (the one generated at a first
            // start, an earlier EXTHOST_ADMIN_KEY) is revoked, so changing the variable rotates the key.
            var now = time.GetUtcNow().UtcDateTime;
            var revoked = await db.ApiKeys
                .Where(k => k.IsAdmin && k.RevokedAt == null && k.Hash != secret.Hash)
                .ExecuteUpdateAsync(s => s.SetProperty(k => k.RevokedAt, now), cancellationToken);
            LogConfiguredKey(secret.Prefix, revoked);
            return;
        }

        if (await db.ApiKeys.AnyAsync(k => k.IsAdmin && k.RevokedAt == null, cancellationToken))
        {
            return;
        }

        var generated = ApiKeySecret.Generate();
        db.ApiKeys.Add(NewAdminKey(generated, "first admin key"));
        await db.SaveChangesAsync(cancellationToken);

        // Printed to the console, not only logged: it is shown once and must not be filtered out.
        Console.WriteLine($"Admin API key (shown once, store it now): {generated.Key}");
        Console.WriteLine($"  or set {AdminKeyVariable} to choose your own.");
    }

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    private ApiKey NewAdminKey(ApiKeySecret secret, string name) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = null,
        IsAdmin = true,
        Prefix = secret.Prefix,
        Hash = secret.Hash,
        Name = name,
        CreatedAt = time.GetUtcNow().UtcDateTime,
    };

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key {Prefix}… from configuration is registered; {Revoked} other admin key(s) revoked")]
    private partial void LogConfiguredKey(string prefix, int revoked);
}
