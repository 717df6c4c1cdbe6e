namespace ExtensibilityHost.Api.Tests;

/// <summary>Tenant key rotation by admins: issue, list, revoke; a revoked key is a 401 at once.</summary>
[Collection(ApiCollection.Name)]
public sealed class KeyRotationTests(ApiFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Rotate_IssueThenRevokeTheOldKey_OldKeyIs401AndTheNewOneWorks()
    {
        var (tenant, oldClient) = await fixture.Host.CreateTenantAsync("kr");
        using var admin = fixture.Host.Admin();

        using var issued = await admin.PostAsJsonAsync($"/api/v1/admin/tenants/{tenant}/keys", new { name = "ci" }, Cancellation);
        var newKey = await TestApi.JsonAsync(issued, HttpStatusCode.Created);
        using var newClient = fixture.Host.Client(newKey.Str("apiKey"));
        var keys = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenant}/keys")).AsArray();
        var oldKeyId = keys.Single(k => k!.Str("id") != newKey.Str("id"))!.Str("id");
        using var revoke = await admin.DeleteAsync($"/api/v1/admin/tenants/{tenant}/keys/{oldKeyId}", Cancellation);

        using var withOld = await oldClient.GetAsync($"/api/v1/tenants/{tenant}/components", Cancellation);
        using var withNew = await newClient.GetAsync($"/api/v1/tenants/{tenant}/components", Cancellation);
        Assert.Equal(HttpStatusCode.NoContent, revoke.StatusCode);
        await TestApi.AssertProblemAsync(withOld, HttpStatusCode.Unauthorized, "unauthorized");
        Assert.Equal(HttpStatusCode.OK, withNew.StatusCode);
        var listed = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenant}/keys")).AsArray();
        Assert.All(listed, k => Assert.Null(k!["apiKey"]));
        Assert.NotNull(listed.Single(k => k!.Str("id") == oldKeyId)!["revokedAt"]);
    }

    [Fact]
    public async Task Revoke_KeyOfAnotherTenant_Is404AndTheKeyStillWorks()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("kr");
        var (other, _) = await fixture.Host.CreateTenantAsync("kr");
        using var admin = fixture.Host.Admin();
        var keyId = (await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenant}/keys")).AsArray().Single()!.Str("id");

        using var revoke = await admin.DeleteAsync($"/api/v1/admin/tenants/{other}/keys/{keyId}", Cancellation);
        using var stillWorks = await client.GetAsync($"/api/v1/tenants/{tenant}/components", Cancellation);

        await TestApi.AssertProblemAsync(revoke, HttpStatusCode.NotFound, "not-found");
        Assert.Equal(HttpStatusCode.OK, stillWorks.StatusCode);
    }

    [Fact]
    public async Task Keys_WithATenantKey_Are403()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("kr");

        using var issue = await client.PostAsJsonAsync($"/api/v1/admin/tenants/{tenant}/keys", new JsonObject(), Cancellation);

        await TestApi.AssertProblemAsync(issue, HttpStatusCode.Forbidden, "forbidden");
    }
}
