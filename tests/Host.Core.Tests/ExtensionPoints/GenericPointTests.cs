using System.Text.Json;
using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Protection;
using ExtensibilityHost.Core.Tests.Invocations;

namespace ExtensibilityHost.Core.Tests.ExtensionPoints;

/// <summary>
/// Points of the generic <c>extension-point</c> world, served by point-echo.wat: <c>echo.closed</c>
/// fails closed, <c>echo.open</c> fails open with <c>{"fallback": true}</c>; both time out at 100 ms.
/// </summary>
[Collection(InvocationCollection.Name)]
public sealed class GenericPointTests(InvocationFixture fixture)
{
    private const string Closed = "echo.closed";
    private const string Open = "echo.open";

    private IExtensionPoints Points => fixture.Host.Get<IExtensionPoints>();

    private Task<ExtensionPointResult> InvokeAsync(string tenant, string point, string input)
    {
        using var document = JsonDocument.Parse(input);
        return Points.InvokeAsync(tenant, point, document.RootElement.Clone(), TestContext.Current.CancellationToken);
    }

    /// <summary>A tenant whose component <c>echo</c> (point-echo.wat) serves both points.</summary>
    private async Task<string> SeedEchoAsync()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "echo", fixture.Wat("point-echo"));
        await BindAsync(tenant, Closed, "echo");
        await BindAsync(tenant, Open, "echo");
        return tenant;
    }

    private Task BindAsync(string tenant, string point, string component) =>
        fixture.Host.WithScopeAsync(async services => Assert.NotEqual(
            ExtensionPointBindStatus.UnknownPoint,
            await services.GetRequiredService<ExtensionPointBinder>().BindComponentAsync(tenant, point, component, TestContext.Current.CancellationToken)));

    [Fact]
    public async Task InvokeAsync_BoundComponent_ReturnsItsJsonOutput()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Closed, """{"order": 42, "lines": ["a", "b"]}""");

        Assert.Equal(ExtensionCallStatus.Ok, result.Status);
        Assert.True(result.Succeeded);
        Assert.False(result.UsedDefault);
        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal("""{"order":42,"lines":["a","b"]}""", JsonSerializer.Serialize(result.Output));
        Assert.Equal("echo", result.ComponentName);
        Assert.True(result.DurationMs > 0);
    }

    [Fact]
    public async Task InvokeAsync_BoundComponent_IsRecordedUnderThePointWithTheGuestsLog()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Closed, "{}");

        var record = await fixture.Host.WithDbAsync(db => db.Invocations.AsNoTracking().SingleAsync(i => i.Id == result.InvocationId));
        Assert.Equal($"point:{Closed}", record.Target);
        Assert.Contains($"point-echo: {Closed}", record.LogsJson, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_FailOpenPointTimesOut_ReturnsTheDefaultAndReportsTheTimeout()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Open, "\"loop\"");

        Assert.True(result.Succeeded);
        Assert.True(result.UsedDefault);
        Assert.Equal(ExtensionCallStatus.Failed, result.Status);
        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.Equal("""{"fallback": true}""", result.Output!.Value.GetRawText());
        Assert.NotNull(result.InvocationId);
    }

    [Fact]
    public async Task InvokeAsync_FailClosedPointTimesOut_ReturnsTheTimeoutWithoutOutput()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Closed, "\"loop\"");

        Assert.False(result.Succeeded);
        Assert.False(result.UsedDefault);
        Assert.Equal(ExtensionCallStatus.Failed, result.Status);
        Assert.Equal(InvocationOutcome.Timeout, result.Outcome);
        Assert.Null(result.Output);
        Assert.InRange(result.DurationMs, 90, 2_000);
    }

    [Fact]
    public async Task InvokeAsync_GuestReturnsAFailure_ReportsItsCodeAndMessage()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Closed, "\"fail\"");

        Assert.Equal(ExtensionCallStatus.Failed, result.Status);
        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        Assert.Equal("""{"code":"echo-fail","message":"asked to fail"}""", result.ErrorValue!.Value.GetRawText());
    }

    [Fact]
    public async Task InvokeAsync_GuestTraps_FailOpenReturnsTheDefault()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Open, "\"trap\"");

        Assert.True(result.UsedDefault);
        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.Unreachable, result.Trap);
    }

    [Fact]
    public async Task InvokeAsync_OutputThatIsNotJson_IsInvalidOutput()
    {
        var tenant = await SeedEchoAsync();

        var result = await InvokeAsync(tenant, Closed, "\"not-json\"");

        Assert.Equal(ExtensionCallStatus.InvalidOutput, result.Status);
        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task InvokeAsync_NothingBoundAndFailOpen_ReturnsTheDefault()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "echo", fixture.Wat("point-echo"));

        var result = await InvokeAsync(tenant, Open, "{}");

        Assert.Equal(ExtensionCallStatus.NotBound, result.Status);
        Assert.True(result.UsedDefault);
        Assert.Null(result.InvocationId);
    }

    [Fact]
    public async Task InvokeAsync_NothingBoundAndFailClosed_IsNotBound()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "echo", fixture.Wat("point-echo"));

        var result = await InvokeAsync(tenant, Closed, "{}");

        Assert.Equal(ExtensionCallStatus.NotBound, result.Status);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task InvokeAsync_TenantKillSwitchOnAndFailOpen_ReturnsTheDefaultWithTheReason()
    {
        var tenant = await SeedEchoAsync();
        await fixture.Host.WithScopeAsync(services =>
            services.GetRequiredService<ExtensionProtection>().SetTenantDisabledAsync(tenant, true, TestContext.Current.CancellationToken));

        var result = await InvokeAsync(tenant, Open, "{}");

        Assert.Equal(ExtensionCallStatus.TenantDisabled, result.Status);
        Assert.True(result.UsedDefault);
    }

    [Fact]
    public async Task InvokeAsync_ComponentWithoutThePointsExport_IsExportMissing()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "adder", fixture.Wat("add"));
        await BindAsync(tenant, Closed, "adder");

        var result = await InvokeAsync(tenant, Closed, "{}");

        Assert.Equal(ExtensionCallStatus.ExportMissing, result.Status);
        Assert.Contains("saas:extensibility/extension-point@1.0.0#invoke", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeAsync_UnknownPoint_IsUnknownPoint()
    {
        var result = await InvokeAsync("any-tenant", "no.such.point", "{}");

        Assert.Equal(ExtensionCallStatus.UnknownPoint, result.Status);
        Assert.False(result.Succeeded);
    }

    [Fact]
    public async Task InvokeAsync_TypedOverloadOnAGenericPoint_DeserializesTheOutput()
    {
        var tenant = await SeedEchoAsync();

        var result = await Points.InvokeAsync<EchoMessage, EchoMessage>(
            tenant, Closed, new EchoMessage("hi", 3), cancellationToken: TestContext.Current.CancellationToken);

        Assert.True(result.Succeeded);
        Assert.Equal(new EchoMessage("hi", 3), result.Output);
    }

    [Fact]
    public async Task InvokeAsync_TypedOverloadOutputThatDoesNotFit_IsInvalidOutputUnderThePolicy()
    {
        var tenant = await SeedEchoAsync();

        var result = await Points.InvokeAsync<string, EchoMessage>(
            tenant, Open, "a string echoes back as a string", cancellationToken: TestContext.Current.CancellationToken);

        Assert.Equal(ExtensionCallStatus.InvalidOutput, result.Result.Status);
        Assert.True(result.Result.UsedDefault);
        Assert.Null(result.Output!.Text);
    }

    private sealed record EchoMessage(string? Text, int RepeatCount);
}
