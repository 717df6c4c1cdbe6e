using System.Net.Http.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Client;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// Every typed exception of the .NET client, each caused for real: a guest that loops, fails,
/// traps or answers garbage, a call over its memory limit, a host import that fails, a tenant over
/// its rate or concurrency limit, a disabled component, a bad key, a tenant key on an admin route.
/// </summary>
[Collection(ClientCollection.Name)]
public sealed class ClientExceptionTests(HostFixture fixture)
{
    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    private static Task<ExtensionPointResult> InvokeEchoAsync(ClientScenario scenario, string input) =>
        scenario.Client.ExtensionPoints.InvokeAsync(scenario.Tenant, "echo.closed", JsonValue.Create(input), Cancellation);

    [Fact]
    public async Task Timeout_IsExtensionTimeoutException_WithOutcomeAndInvocation()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var exception = await Assert.ThrowsAsync<ExtensionTimeoutException>(() => InvokeEchoAsync(scenario, "loop"));

        Assert.Equal((504, "timeout"), (exception.Status, exception.Outcome));
        Assert.NotNull(exception.InvocationId);
        Assert.True(exception.DurationMs >= 100);
    }

    [Fact]
    public async Task GuestError_IsExtensionGuestErrorException_WithTheErrValue()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var exception = await Assert.ThrowsAsync<ExtensionGuestErrorException>(() => InvokeEchoAsync(scenario, "fail"));

        Assert.Equal((422, "echo-fail"), (exception.Status, exception.ErrorValue!.Value.GetProperty("code").GetString()));
        var invocation = await scenario.Client.Invocations.GetAsync(scenario.Tenant, exception.InvocationId!.Value, Cancellation);
        Assert.Equal("the component returned an error: echo-fail: asked to fail", invocation.Error);
    }

    [Fact]
    public async Task Trap_IsExtensionTrapException_WithItsKind()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var exception = await Assert.ThrowsAsync<ExtensionTrapException>(() => InvokeEchoAsync(scenario, "trap"));

        Assert.Equal((502, "trap", "unreachable"), (exception.Status, exception.Outcome, exception.Trap));
    }

    [Fact]
    public async Task OutputThatIsNotJson_IsExtensionInvalidOutputException()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var exception = await Assert.ThrowsAsync<ExtensionInvalidOutputException>(() => InvokeEchoAsync(scenario, "not-json"));

        Assert.Equal(502, exception.Status);
    }

    [Fact]
    public async Task OverTheMemoryLimit_IsExtensionResourceLimitException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");
        await scenario.DeployAsync("enricher", await File.ReadAllBytesAsync(Guests.Built("go-point.wasm"), Cancellation));
        await scenario.Client.ExtensionPoints.BindAsync(scenario.Tenant, "tiny.memory", "enricher", Cancellation);

        var exception = await Assert.ThrowsAsync<ExtensionResourceLimitException>(() =>
            scenario.Client.ExtensionPoints.InvokeAsync(scenario.Tenant, "tiny.memory", new JsonObject { ["sku"] = "a-1" }, Cancellation));

        Assert.Equal((507, "out-of-memory"), (exception.Status, exception.Outcome));
    }

    [Fact]
    public async Task HostImportThatFails_IsExtensionHostErrorException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");
        await scenario.DeployAsync(HostFixture.FaultyKeyValueComponent, await File.ReadAllBytesAsync(Guests.Built("rust-std-event-handler.wasm"), Cancellation));
        var handledEvent = new JsonObject { ["id"] = "e-1", ["event-type"] = "order.placed", ["tenant-id"] = scenario.Tenant, ["occurred-at"] = 0, ["payload"] = "{}" };

        var exception = await Assert.ThrowsAsync<ExtensionHostErrorException>(() => scenario.Client.Exports.CallAsync(
            scenario.Tenant, HostFixture.FaultyKeyValueComponent, "saas:extensibility/event-handler@1.0.0", "handle", [handledEvent], Cancellation));

        Assert.Equal((500, "host-error"), (exception.Status, exception.Outcome));
    }

    [Fact]
    public async Task OverTheRateLimit_IsTenantRateLimitedException_WithRetryAfter()
    {
        await using var host = new ApiHost(new Dictionary<string, string?>
        {
            ["ExtensibilityHost:RateLimit:PermitsPerSecond"] = "1",
            ["ExtensibilityHost:RateLimit:Burst"] = "1",
        }, kestrel: true);
        await host.StartAsync();
        var (tenant, key) = await host.CreateTenantKeyAsync("rl");
        await using var services = HostFixture.ClientServices(host.BaseAddress, key);
        var client = services.GetRequiredService<ExtensibilityHostClient>();

        var exception = await Assert.ThrowsAsync<TenantRateLimitedException>(async () =>
        {
            for (var i = 0; i < 10; i++)
            {
                await client.Components.ListAsync(tenant, Cancellation);
            }
        });

        Assert.Equal(429, exception.Status);
        Assert.True(exception.RetryAfter > TimeSpan.Zero);
    }

    [Fact]
    public async Task OverTheConcurrencyLimit_IsConcurrencyLimitedException()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        // One call at a time per tenant: while a looping call holds the slot (until its 100 ms
        // deadline), a quick call is refused. The quick one can win the slot first, so the
        // scenario repeats a few times rather than relying on timing.
        ConcurrencyLimitedException? refused = null;
        for (var attempt = 0; attempt < 5 && refused is null; attempt++)
        {
            var slow = Record(() => InvokeEchoAsync(scenario, "loop"));
            await Task.Delay(20, Cancellation);
            while (refused is null && !slow.IsCompleted)
            {
                refused = await Record(() => InvokeEchoAsync(scenario, "quick")) as ConcurrencyLimitedException;
            }

            await slow;
        }

        Assert.NotNull(refused);
        Assert.Equal((429, TimeSpan.FromSeconds(1)), (refused.Status, refused.RetryAfter));
    }

    [Fact]
    public async Task DisabledComponent_IsExtensionDisabledException()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);
        using (var admin = fixture.Host.Admin())
        {
            using var response = await admin.PutAsJsonAsync(
                $"/api/v1/admin/tenants/{scenario.Tenant}/components/echo/disabled", new { disabled = true }, Cancellation);
            response.EnsureSuccessStatusCode();
        }

        var exception = await Assert.ThrowsAsync<ExtensionDisabledException>(() => InvokeEchoAsync(scenario, "1"));

        Assert.Equal("component-disabled", exception.Problem.Name);
    }

    [Fact]
    public async Task ComponentNotYetApproved_IsNoActiveVersionException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");
        using var content = new MemoryStream(WatText.ToBinary(Guests.Wat("point-echo")));
        await scenario.Client.Components.UploadAsync(scenario.Tenant, "echo", content, cancellationToken: Cancellation);

        var exception = await Assert.ThrowsAsync<NoActiveVersionException>(() => scenario.Client.Exports.CallAsync(
            scenario.Tenant, "echo", "saas:extensibility/extension-point@1.0.0", "invoke", [JsonValue.Create("p"), JsonValue.Create("1")], Cancellation));

        Assert.Equal("no-active-version", exception.Problem.Name);
    }

    [Fact]
    public async Task UnknownInvocationAndUnboundPoint_AreNotFoundException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");

        var invocation = await Assert.ThrowsAsync<NotFoundException>(() => scenario.Client.Invocations.GetAsync(scenario.Tenant, Guid.NewGuid(), Cancellation));
        var point = await Assert.ThrowsAsync<NotFoundException>(() => InvokeEchoAsync(scenario, "1"));

        Assert.Equal(("not-found", "extension-point-not-bound"), (invocation.Problem.Name, point.Problem.Name));
    }

    [Fact]
    public async Task InvalidEventAndMismatchedArguments_AreInvalidRequestException()
    {
        await using var scenario = await ClientScenario.WithEchoAsync(fixture);

        var invalid = await Assert.ThrowsAsync<InvalidRequestException>(() =>
            scenario.Client.Events.PublishAsync(scenario.Tenant, "Not A Type!", new { }, cancellationToken: Cancellation));
        var mismatch = await Assert.ThrowsAsync<InvalidRequestException>(() => scenario.Client.Exports.CallAsync(
            scenario.Tenant, "echo", "saas:extensibility/extension-point@1.0.0", "invoke", [JsonValue.Create(42)], Cancellation));

        Assert.Equal("validation-failed", invalid.Problem.Name);
        Assert.Contains("eventType", invalid.Errors.Keys);
        Assert.Equal("argument-mismatch", mismatch.Problem.Name);
    }

    [Fact]
    public async Task ComponentOfNoWorld_IsComponentRejectedException_WithTheProblems()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");
        using var content = new MemoryStream(TestWasm.NoWorld());

        var exception = await Assert.ThrowsAsync<ComponentRejectedException>(() =>
            scenario.Client.Components.UploadAsync(scenario.Tenant, "adder", content, cancellationToken: Cancellation));

        Assert.Equal((400, "component-world-mismatch"), (exception.Status, exception.Problem.Name));
        Assert.Contains(exception.Problems, p => p.Code == "no-world");
    }

    [Fact]
    public async Task WrongKey_IsAuthenticationFailedException()
    {
        await using var services = fixture.ClientServices("exthost_not-a-key");
        var client = services.GetRequiredService<ExtensibilityHostClient>();

        var exception = await Assert.ThrowsAsync<AuthenticationFailedException>(() => client.WhoAmIAsync(Cancellation));

        Assert.Equal(401, exception.Status);
    }

    [Fact]
    public async Task TenantKeyOnReviews_IsPermissionDeniedException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");

        var exception = await Assert.ThrowsAsync<PermissionDeniedException>(() => scenario.Client.Reviews.QueueAsync(Cancellation));

        Assert.Equal(403, exception.Status);
    }

    [Fact]
    public async Task ApprovingAnActiveVersion_IsStateConflictException()
    {
        await using var scenario = await ClientScenario.StartAsync(fixture, "ex");
        var version = await scenario.DeployAsync("hooks", TestWasm.WatHandler());

        var exception = await Assert.ThrowsAsync<StateConflictException>(() => scenario.Admin.Reviews.ApproveAsync(version.Id, cancellationToken: Cancellation));

        Assert.Equal((409, "version-state-conflict"), (exception.Status, exception.Problem.Name));
    }

    [Fact]
    public async Task Registration_WithoutAKey_FailsWithWhatToSet()
    {
        var services = new ServiceCollection();
        services.AddExtensibilityHostClient(options => options.BaseAddress = new Uri("http://localhost:5000"));
        await using var provider = services.BuildServiceProvider();

        var exception = Assert.Throws<OptionsValidationException>(() => provider.GetRequiredService<ExtensibilityHostClient>());

        Assert.Contains("ApiKey is required", exception.Message, StringComparison.Ordinal);
    }

    private static async Task<Exception?> Record(Func<Task> call)
    {
        try
        {
            await call();
            return null;
        }
        catch (Exception exception)
        {
            return exception;
        }
    }
}
