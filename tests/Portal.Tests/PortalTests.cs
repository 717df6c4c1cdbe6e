using System.Net;
using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Playwright;

namespace ExtensibilityHost.Portal.Tests;

/// <summary>
/// The admin portal in a real browser against the real host: sign-in, the review queue, the review
/// page with its capability diff and shadow run, decisions, tenants and keys, and extension health.
/// </summary>
[Collection(PortalCollection.Name)]
public sealed class PortalTests(PortalFixture fixture)
{
    private const string HandleRoute = "invoke/saas:extensibility/extension-point@1.0.0/invoke";

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static async Task ScreenshotAsync(IPage page, string name) =>
        await page.ScreenshotAsync(new PageScreenshotOptions { Path = Path.Combine(PortalFixture.ScreenshotDirectory, name), FullPage = true });

    private async Task<string> DeployAsync(string tenant, HttpClient client, string component, byte[] wasm)
    {
        var version = await client.UploadVersionAsync(tenant, component, wasm);
        using var admin = fixture.Host.Admin();
        await admin.DecideVersionAsync(version.Str("id"), "approve");
        return version.Str("id");
    }

    private static async Task PublishAsync(HttpClient client, string tenant, string eventType, JsonNode payload)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = eventType, ["payload"] = payload }, Cancellation);
        await TestApi.JsonAsync(response, HttpStatusCode.OK);
    }

    [Fact]
    public async Task SignIn_WrongKey_SaysWhatToCheckAndOpensNoSession()
    {
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/portal/reviews");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Sign in");
        Assert.Contains("/portal/signin?returnUrl=", page.Url, StringComparison.Ordinal);

        await page.GetByLabel("Admin key").FillAsync("ehk_this-is-not-a-key-of-this-host-at-all");
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That key is not valid");
        Assert.DoesNotContain("not-a-key", page.Url, StringComparison.Ordinal);
        await page.GotoAsync("/portal/reviews");
        Assert.Contains("/portal/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TheAdminKey_NeverAppearsInTheUrlOrTheHostsLog()
    {
        fixture.HostLog.Clear();

        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/portal/health");

        Assert.DoesNotContain(fixture.Host.AdminKey, page.Url, StringComparison.Ordinal);
        Assert.NotEmpty(fixture.HostLog.Entries);
        Assert.DoesNotContain(fixture.HostLog.Entries, entry => entry.Message.Contains(fixture.Host.AdminKey, StringComparison.Ordinal));
        var cookies = await page.Context.CookiesAsync();
        var session = Assert.Single(cookies, c => c.Name == "exthost-portal");
        Assert.True(session.HttpOnly);
        Assert.Equal("/portal", session.Path);
        Assert.DoesNotContain(fixture.Host.AdminKey, session.Value, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignIn_TenantKey_IsRefused()
    {
        var (_, tenantClient) = await fixture.Host.CreateTenantAsync("pt");
        var tenantKey = tenantClient.DefaultRequestHeaders.Authorization!.Parameter!;
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/portal/signin");

        await page.GetByLabel("Admin key").FillAsync(tenantKey);
        await page.GetByRole(AriaRole.Button, new() { Name = "Sign in" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("That is a tenant key");
        await page.GotoAsync("/portal/health");
        Assert.Contains("/portal/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task SignOut_EndsTheSession()
    {
        var page = await fixture.SignedInPageAsync();

        await page.GetByRole(AriaRole.Button, new() { Name = "Sign out" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("You are signed out");
        await page.GotoAsync("/portal/reviews");
        Assert.Contains("/portal/signin", page.Url, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Review_NewVersion_ShowsItsNewImportAndAShadowRunThatDiffersThenIsApproved()
    {
        // v1, the WAT handler, proceeds on everything; three events are recorded with their inputs.
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        await DeployAsync(tenant, client, "order-hooks", WatText.ToBinary(Guests.Wat("event-handler")));
        using (var subscribe = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/subscriptions/order.placed", new { component = "order-hooks", mode = "sync" }, Cancellation))
        {
            subscribe.EnsureSuccessStatusCode();
        }

        await PublishAsync(client, tenant, "order.placed", new JsonObject { ["orderId"] = 1 });
        await PublishAsync(client, tenant, "order.placed", new JsonObject { ["note"] = "forbidden" });
        await PublishAsync(client, tenant, "order.placed", new JsonObject { ["orderId"] = 3 });

        // v2, Rust std: imports key-value and WASI besides logging, and vetoes "forbidden" payloads.
        var v2 = await client.UploadVersionAsync(tenant, "order-hooks", await File.ReadAllBytesAsync(Guests.Built("rust-std-event-handler.wasm"), Cancellation));
        var page = await fixture.SignedInPageAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = tenant });
        await Assertions.Expect(row).ToContainTextAsync("order-hooks");
        await Assertions.Expect(row).ToContainTextAsync(v2.Str("sha256")[..12]);
        await ScreenshotAsync(page, "portal-queue.png");
        await row.GetByRole(AriaRole.Link, new() { Name = "order-hooks" }).ClickAsync();

        var imports = page.GetByRole(AriaRole.List, new() { Name = "Import changes" });
        await Assertions.Expect(imports).ToContainTextAsync("+ saas:extensibility/key-value@1.0.0");
        await Assertions.Expect(imports).ToContainTextAsync("new capability");
        await Assertions.Expect(imports).ToContainTextAsync("wasi:cli/stdout");

        await page.GetByRole(AriaRole.Button, new() { Name = "Run shadow" }).ClickAsync();
        var shadow = page.GetByRole(AriaRole.Table, new() { Name = "Shadow run" });
        await Assertions.Expect(shadow.GetByRole(AriaRole.Row)).ToHaveCountAsync(4);
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "replayed" })).ToContainTextAsync("3 input(s) replayed");
        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "replayed" })).ToContainTextAsync("1 differ");
        var differing = shadow.GetByRole(AriaRole.Row).Filter(new() { HasText = "differs" });
        await Assertions.Expect(differing).ToHaveCountAsync(1);
        await Assertions.Expect(differing).ToContainTextAsync("rust-std says no");
        await ScreenshotAsync(page, "portal-review.png");

        await page.GetByLabel("Approve").FillAsync("Reviewed: key-value and stdout only, the veto is intended.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Approve", Exact = true }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "was approved" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("active");
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Decisions" })).ToContainTextAsync("Reviewed: key-value and stdout only");
        Assert.Equal("active", (await client.GetJsonAsync(TestApi.Versions(tenant, "order-hooks") + "/2")).Str("status"));
    }

    [Fact]
    public async Task Review_VersionImportingOutboundHttp_IsFlaggedAndTheAdminEditsItsAllowList()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        var version = await client.UploadVersionAsync(tenant, "fetcher", Guests.Component("outbound-fetch.wat"));
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/portal/reviews/{version.Str("id")}");

        var outbound = page.GetByRole(AriaRole.List, new() { Name = "Import changes" }).GetByRole(AriaRole.Listitem).Filter(new() { HasText = "outbound-http" });
        await Assertions.Expect(outbound).ToContainTextAsync("+ saas:extensibility/outbound-http@1.1.0");
        await Assertions.Expect(outbound).ToContainTextAsync("network access");
        await Assertions.Expect(outbound).ToContainTextAsync("allow-list: no origin yet");
        await outbound.GetByRole(AriaRole.Link).ClickAsync();
        var origins = page.GetByRole(AriaRole.Textbox, new() { Name = "Allowed origins, one per line" });
        await origins.FillAsync("https://API.example.com/\nnot an origin");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save allow-list" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Alert)).ToContainTextAsync("Nothing was saved: 'not an origin' is not an absolute URL");
        await origins.FillAsync("https://API.example.com/\nhttp://127.0.0.1:5123");
        await page.GetByRole(AriaRole.Button, new() { Name = "Save allow-list" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status).Filter(new() { HasText = "allow-list" })).ToContainTextAsync("was saved");
        var table = page.GetByRole(AriaRole.Table, new() { Name = "Allowed origins" });
        await Assertions.Expect(table.GetByRole(AriaRole.Row)).ToHaveCountAsync(3);
        await Assertions.Expect(table).ToContainTextAsync("https://api.example.com");
        await Assertions.Expect(table).ToContainTextAsync("via portal");
        await Assertions.Expect(outbound).ToContainTextAsync("allow-list: 2 origin(s)");
        await ScreenshotAsync(page, "portal-review-outbound-http.png");
        using var admin = fixture.Host.Admin();
        var stored = await admin.GetJsonAsync($"/api/v1/admin/tenants/{tenant}/components/fetcher/outbound-origins");
        Assert.Equal(["http://127.0.0.1:5123", "https://api.example.com"], stored["origins"]!.AsArray().Select(o => o!.GetValue<string>()));
    }

    [Fact]
    public async Task Review_A11VersionOfA10Component_ShowsTheContractVersionEachTargetsAndTheChange()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        var v1 = await DeployAsync(tenant, client, "versioned", Guests.Component("event-handler.wat"));
        var v2 = await client.UploadVersionAsync(tenant, "versioned", Guests.Component("metadata-event-handler-1.1.wat"));
        var page = await fixture.SignedInPageAsync();

        var row = page.GetByRole(AriaRole.Row).Filter(new() { HasText = tenant }).Filter(new() { HasText = "versioned" });
        await Assertions.Expect(row).ToContainTextAsync("1.0.0 → 1.1.0");
        await page.GotoAsync($"/portal/reviews/{v2.Str("id")}");
        await Assertions.Expect(page.GetByTestId("contract-version")).ToHaveTextAsync("targets saas:extensibility@1.1.0");
        var change = page.GetByRole(AriaRole.Note, new() { Name = "Contract version change" });
        await Assertions.Expect(change).ToContainTextAsync("saas:extensibility: 1.0.0 → 1.1.0");
        await Assertions.Expect(change).ToContainTextAsync("contract version changed");
        await ScreenshotAsync(page, "portal-review-contract-version.png");

        await page.GotoAsync($"/portal/reviews/{v1}");
        await Assertions.Expect(page.GetByTestId("contract-version")).ToHaveTextAsync("targets saas:extensibility@1.0.0");
        await Assertions.Expect(page.GetByRole(AriaRole.Note, new() { Name = "Contract version change" })).ToHaveCountAsync(0);

        await page.GotoAsync($"/portal/health/{tenant}/versioned");
        await Assertions.Expect(page.GetByTestId("active-contract")).ToHaveTextAsync("Active version v1 targets saas:extensibility@1.0.0");
        var versions = page.GetByRole(AriaRole.Table, new() { Name = "Versions" });
        await Assertions.Expect(versions.GetByRole(AriaRole.Row).Filter(new() { HasText = "v2" })).ToContainTextAsync("targets saas:extensibility@1.1.0");
        await Assertions.Expect(versions.GetByRole(AriaRole.Row).Filter(new() { HasText = "v1" })).ToContainTextAsync("targets saas:extensibility@1.0.0");
    }

    [Fact]
    public async Task Review_RejectWithAReason_TheTenantSeesItAndAnEmptyReasonIsRefused()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        var version = await client.UploadVersionAsync(tenant, "orders", await File.ReadAllBytesAsync(Guests.Built("go-event-handler.wasm"), Cancellation));
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync($"/portal/reviews/{version.Str("id")}");

        await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();
        await Assertions.Expect(page.GetByText("Give a reason")).ToBeVisibleAsync();
        await page.GetByLabel("Reject").FillAsync("Go guests need HEAP_MIB ≤ 32 on this plan.");
        await page.GetByRole(AriaRole.Button, new() { Name = "Reject" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("rejected");
        var stored = await client.GetJsonAsync(TestApi.Versions(tenant, "orders") + "/1");
        Assert.Equal(("rejected", "Go guests need HEAP_MIB ≤ 32 on this plan."), (stored.Str("status"), stored.Str("statusReason")));
    }

    [Fact]
    public async Task Health_ShowsTheInvocationsMadeAndReenablesASuspendedVersion()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        var versionId = await DeployAsync(tenant, client, "echo", WatText.ToBinary(Guests.Wat("point-echo")));
        foreach (var input in new[] { "{\"n\":1}", "{\"n\":2}", "{\"n\":3}", "\"trap\"", "\"trap\"" })
        {
            using var response = await client.PostAsJsonAsync(
                $"/api/v1/tenants/{tenant}/components/echo/{HandleRoute}", new JsonObject { ["args"] = new JsonArray("echo", input) }, Cancellation);
        }

        Assert.Equal("suspended", (await client.GetJsonAsync(TestApi.Versions(tenant, "echo") + "/1")).Str("status"));
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Health" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Components" }).GetByRole(AriaRole.Row).Filter(new() { HasText = tenant });
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(3)).ToHaveTextAsync("5");
        await Assertions.Expect(row.GetByRole(AriaRole.Cell).Nth(4)).ToHaveTextAsync("40 %");
        await Assertions.Expect(row).ToContainTextAsync("trap 2");
        var suspended = page.GetByRole(AriaRole.Table, new() { Name = "Suspended versions" }).GetByRole(AriaRole.Row).Filter(new() { HasText = tenant });
        await Assertions.Expect(suspended).ToContainTextAsync("v1");
        await ScreenshotAsync(page, "portal-health.png");

        await suspended.GetByRole(AriaRole.Textbox).FillAsync("Fixed the input that trapped.");
        await suspended.GetByRole(AriaRole.Button, new() { Name = "Re-enable" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("active again");
        Assert.Equal("active", (await client.GetJsonAsync(TestApi.Versions(tenant, "echo") + "/1")).Str("status"));
        using var admin = fixture.Host.Admin();
        var history = (await admin.GetJsonAsync($"/api/v1/admin/reviews/{versionId}/history")).AsArray();
        Assert.Equal("Fixed the input that trapped.", history[^1]!.Str("reason"));

        await row.GetByRole(AriaRole.Link, new() { Name = "echo" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Table, new() { Name = "Recent invocations" }).GetByRole(AriaRole.Row)).ToHaveCountAsync(6);
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "Invocations and failures of echo per interval" })).ToBeVisibleAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Img, new() { Name = "p50 and p99 durations of echo per interval" })).ToBeVisibleAsync();
        await ScreenshotAsync(page, "portal-health-component.png");
    }

    [Fact]
    public async Task Health_DeadLetteredDelivery_IsReplayedFromThePortal()
    {
        // flaky-event-handler traps on its first two attempts per event; one attempt is allowed here.
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        await DeployAsync(tenant, client, "audit", WatText.ToBinary(Guests.Wat("flaky-event-handler")));
        using (var subscribe = await client.PutAsJsonAsync($"/api/v1/tenants/{tenant}/subscriptions/order.shipped", new { component = "audit", mode = "async" }, Cancellation))
        {
            subscribe.EnsureSuccessStatusCode();
        }

        using var published = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/events", new JsonObject { ["eventType"] = "order.shipped", ["payload"] = new JsonObject { ["n"] = 1 } }, Cancellation);
        var deliveryId = (await TestApi.JsonAsync(published, HttpStatusCode.OK))["deliveryIds"]![0]!.GetValue<Guid>();
        await WaitForDeliveryAsync(client, tenant, deliveryId, d => d.Str("status") == "dead-lettered");
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Health" }).ClickAsync();

        var row = page.GetByRole(AriaRole.Table, new() { Name = "Dead letters" }).GetByRole(AriaRole.Row).Filter(new() { HasText = tenant });
        await Assertions.Expect(row).ToContainTextAsync("order.shipped");
        await row.GetByRole(AriaRole.Button, new() { Name = "Replay" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("queued again");
        var replayed = await WaitForDeliveryAsync(client, tenant, deliveryId, d => d["replays"]!.GetValue<int>() == 1 && d.Str("status") is "delivered" or "dead-lettered");
        Assert.Equal(1, replayed["replays"]!.GetValue<int>());
    }

    [Fact]
    public async Task Health_ComponentKillSwitch_StopsAndRestartsItsCalls()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        await DeployAsync(tenant, client, "echo", WatText.ToBinary(Guests.Wat("point-echo")));
        Assert.Equal(HttpStatusCode.OK, await CallEchoAsync(client, tenant));
        var page = await fixture.SignedInPageAsync();
        await page.GotoAsync("/portal/health");

        await page.GetByRole(AriaRole.Button, new() { Name = $"Turn off component echo of {tenant}" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("is off");
        var whileOff = await CallEchoAsync(client, tenant);
        var row = page.GetByRole(AriaRole.Table, new() { Name = "Components" }).GetByRole(AriaRole.Row).Filter(new() { HasText = tenant });
        await row.GetByRole(AriaRole.Button, new() { Name = "Turn on" }).ClickAsync();
        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("on again");

        Assert.Equal(HttpStatusCode.Locked, whileOff);
        Assert.Equal(HttpStatusCode.OK, await CallEchoAsync(client, tenant));
    }

    private static async Task<HttpStatusCode> CallEchoAsync(HttpClient client, string tenant)
    {
        using var response = await client.PostAsJsonAsync(
            $"/api/v1/tenants/{tenant}/components/echo/{HandleRoute}", new JsonObject { ["args"] = new JsonArray("echo", "{}") }, Cancellation);
        return response.StatusCode;
    }

    private static async Task<JsonNode> WaitForDeliveryAsync(HttpClient client, string tenant, Guid deliveryId, Func<JsonNode, bool> done)
    {
        var deadline = DateTime.UtcNow.AddSeconds(20);
        while (true)
        {
            var delivery = await client.GetJsonAsync($"/api/v1/tenants/{tenant}/deliveries/{deliveryId}");
            if (done(delivery) || DateTime.UtcNow > deadline)
            {
                Assert.True(done(delivery), $"delivery did not reach the expected state: {delivery.ToJsonString()}");
                return delivery;
            }

            await Task.Delay(50, Cancellation);
        }
    }

    [Fact]
    public async Task Tenants_CreateShowsTheKeyOnceAndAKeyCanBeIssuedAndRevoked()
    {
        var id = $"pt-{Guid.NewGuid():N}"[..20];
        var page = await fixture.SignedInPageAsync();
        await page.GetByRole(AriaRole.Link, new() { Name = "Tenants" }).ClickAsync();

        await page.GetByLabel("Id").FillAsync(id);
        await page.GetByLabel("Name").FillAsync("Portal Tenant");
        await page.GetByRole(AriaRole.Button, new() { Name = "Create" }).ClickAsync();

        var key = await page.Locator("#new-tenant-key").TextContentAsync();
        using (var tenantClient = fixture.Host.Client(key))
        {
            await tenantClient.GetJsonAsync($"/api/v1/tenants/{id}/components");
        }

        await page.ReloadAsync();
        await Assertions.Expect(page.Locator("#new-tenant-key")).ToHaveCountAsync(0);
        await page.GetByRole(AriaRole.Link, new() { Name = id }).ClickAsync();
        await page.GetByLabel("Name").FillAsync("rotation");
        await page.GetByRole(AriaRole.Button, new() { Name = "Issue key" }).ClickAsync();
        var second = await page.Locator("#new-key").TextContentAsync();
        await page.GetByRole(AriaRole.Button, new() { Name = $"Revoke key {id} key" }).ClickAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Status)).ToContainTextAsync("revoked");
        using var revoked = fixture.Host.Client(key);
        using var refused = await revoked.GetAsync($"/api/v1/tenants/{id}/components", Cancellation);
        Assert.Equal(HttpStatusCode.Unauthorized, refused.StatusCode);
        using var rotated = fixture.Host.Client(second);
        await rotated.GetJsonAsync($"/api/v1/tenants/{id}/components");
    }

    [Fact]
    public async Task Queue_TheLongestNamesOnALaptop_DoNotOverflowThePage()
    {
        // 63 characters, the longest tenant id and component name the host accepts.
        var tenant = ("pt" + Guid.NewGuid().ToString("N") + new string('t', 63))[..63];
        var name = "a" + new string('b', 61) + "c";
        using var admin = fixture.Host.Admin();
        using var created = await admin.PostAsJsonAsync("/api/v1/tenants", new { id = tenant, name = new string('N', 200) }, Cancellation);
        using var client = fixture.Host.Client((await TestApi.JsonAsync(created, HttpStatusCode.Created)).Str("apiKey"));
        await client.UploadVersionAsync(tenant, name, WatText.ToBinary(Guests.Wat("event-handler")));
        var page = await fixture.SignedInPageAsync();

        await Assertions.Expect(page.GetByRole(AriaRole.Link, new() { Name = name })).ToBeVisibleAsync();
        var overflow = await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth");
        Assert.False(overflow);
        await page.GetByRole(AriaRole.Link, new() { Name = name }).ClickAsync();
        Assert.False(await page.EvaluateAsync<bool>("() => document.documentElement.scrollWidth > window.innerWidth"));
    }

    [Fact]
    public async Task Keyboard_SignInAndOpenAReviewWithoutAMouse()
    {
        var (tenant, client) = await fixture.Host.CreateTenantAsync("pt");
        await client.UploadVersionAsync(tenant, "kbd", WatText.ToBinary(Guests.Wat("event-handler")));
        var page = await fixture.NewPageAsync();
        await page.GotoAsync("/portal/signin");
        await Assertions.Expect(page.GetByLabel("Admin key")).ToBeFocusedAsync();

        await page.Keyboard.TypeAsync(fixture.Host.AdminKey);
        await page.Keyboard.PressAsync("Enter");
        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToHaveTextAsync("Review queue");
        var link = page.GetByRole(AriaRole.Link, new() { Name = "kbd" });
        await link.FocusAsync();
        await page.Keyboard.PressAsync("Enter");

        await Assertions.Expect(page.GetByRole(AriaRole.Heading, new() { Level = 1 })).ToContainTextAsync("kbd");
    }
}
