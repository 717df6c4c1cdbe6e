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

    /// <summary>Whether a generated admin key is printed to the console (default); off, it is written to <see cref="GeneratedKeyFileName"/> in the data directory.</summary>
    public const string PrintGeneratedKeySetting = "ExtensibilityHost:PrintGeneratedAdminKey";

    /// <summary>The file, in the data directory, a generated admin key goes to when it is not printed (mode 600).</summary>
    public const string GeneratedKeyFileName = "admin-key";

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

        if (configuration.GetValue(PrintGeneratedKeySetting, true))
        {
            // Printed to the console, not only logged: it is shown once and must not be filtered out.
            Console.WriteLine($"Admin API key (shown once, store it now): {generated.Key}");
            Console.WriteLine($"  or set {AdminKeyVariable} to choose your own.");
            return;
        }

        // Where console output is collected (a log pipeline), the key goes to a file only its
        // owner can read, and the log says where — never the key.
        var path = Path.Combine(Microsoft.Extensions.DependencyInjection.ServiceCollectionExtensions.DataDirectory(configuration), GeneratedKeyFileName);
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var file = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            file.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        await using (var writer = new StreamWriter(path, System.Text.Encoding.ASCII, file))
        {
            await writer.WriteLineAsync(generated.Key.AsMemory(), cancellationToken);
        }

        LogGeneratedKeyWritten(generated.Prefix, path);
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

    [LoggerMessage(Level = LogLevel.Warning, Message = "Generated the first admin key {Prefix}…; it is in {Path} (readable by this user only): store it and delete the file")]
    private partial void LogGeneratedKeyWritten(string prefix, string path);

    [LoggerMessage(Level = LogLevel.Information, Message = "Admin key {Prefix}… from configuration is registered; {Revoked} other admin key(s) revoked")]
    private partial void LogConfiguredKey(string prefix, int revoked);
}
