using ExtensibilityHost.Core.Tenants;

namespace ExtensibilityHost.Api.Tests;

/// <summary>The configured admin key takes precedence: changing it revokes the previous one; a generated one is printed, or written to an owner-only file.</summary>
public sealed class AdminKeyBootstrapTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-adminkey-").FullName;

    private ApiHost HostWithAdminKey(string adminKey) => new(new Dictionary<string, string?>
    {
        ["ExtensibilityHost:AdminKey"] = adminKey,
        ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "shared.db")}",
    });

    [Fact]
    public async Task Start_WithANewConfiguredAdminKey_RevokesThePreviousOne()
    {
        var first = ApiKeySecret.Generate().Key;
        var second = ApiKeySecret.Generate().Key;
        await using (var before = HostWithAdminKey(first))
        {
            using var client = before.Client(first);
            using var response = await client.GetAsync("/api/v1/tenants", TestContext.Current.CancellationToken);
            Assert.Equal(HttpStatusCode.OK, response.StatusCode);
        }

        await using var after = HostWithAdminKey(second);
        using var withFirst = after.Client(first);
        using var withSecond = after.Client(second);
        using var firstResponse = await withFirst.GetAsync("/api/v1/tenants", TestContext.Current.CancellationToken);
        using var secondResponse = await withSecond.GetAsync("/api/v1/tenants", TestContext.Current.CancellationToken);

        await TestApi.AssertProblemAsync(firstResponse, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, secondResponse.StatusCode);
    }

    [Fact]
    public async Task Start_GeneratedKeyNotPrinted_IsInAnOwnerOnlyFileAndWorks()
    {
        await using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:PrintGeneratedAdminKey"] = "false",
            ["ExtensibilityHost:DataDirectory"] = _directory,
            ["ExtensibilityHost:Database:ConnectionString"] = $"Data Source={Path.Combine(_directory, "generated.db")}",
        });
        _ = host.Server;

        var file = Path.Combine(_directory, "admin-key");
        var key = (await File.ReadAllTextAsync(file, TestContext.Current.CancellationToken)).Trim();
        if (!OperatingSystem.IsWindows())
        {
            Assert.Equal(UnixFileMode.UserRead | UnixFileMode.UserWrite, File.GetUnixFileMode(file));
        }

        using var client = host.Client(key);
        using var response = await client.GetAsync("/api/v1/tenants", TestContext.Current.CancellationToken);
        Assert.Equal(HttpStatusCode.OK, response.StatusCode);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        Directory.Delete(_directory, recursive: true);
    }
}
