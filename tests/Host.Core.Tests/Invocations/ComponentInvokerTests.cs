using System.Text.Json;
using ExtensibilityHost.Core.Invocations;

namespace ExtensibilityHost.Core.Tests.Invocations;

/// <summary>Typed calls of any export: JSON arguments and results converted by the component's own WIT types.</summary>
[Collection(InvocationCollection.Name)]
public sealed class ComponentInvokerTests(InvocationFixture fixture)
{
    private const string Pricing = "acme:shop/pricing@1.0.0";

    private Task<ExtensionCallResult> InvokeAsync(string tenant, string component, string? iface, string function, string arguments)
    {
        using var document = JsonDocument.Parse(arguments);
        return fixture.Host.Get<IComponentInvoker>().InvokeExportAsync(
            tenant, component, new InvocationTarget(iface, function), document.RootElement.Clone(), TestContext.Current.CancellationToken);
    }

    private async Task<string> SeedAsync(string component, string wat)
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, component, fixture.Wat(wat));
        return tenant;
    }

    [Fact]
    public async Task InvokeExportAsync_RootFunction_ReturnsTheResultAsJson()
    {
        var tenant = await SeedAsync("adder", "add");

        var result = await InvokeAsync(tenant, "adder", null, "add", "[40, 2]");

        Assert.Equal(ExtensionCallStatus.Ok, result.Status);
        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Equal(42, result.Output!.Value.GetInt32());
        Assert.NotNull(result.InvocationId);
        Assert.Equal(1, result.VersionNumber);
    }

    [Fact]
    public async Task InvokeExportAsync_ArgumentOfTheWrongType_IsInvalidInputNamingTheParameterAndNothingRuns()
    {
        var tenant = await SeedAsync("adder", "add");

        var result = await InvokeAsync(tenant, "adder", null, "add", """[40, "two"]""");

        Assert.Equal(ExtensionCallStatus.InvalidInput, result.Status);
        Assert.Equal("argument 'b' at $: expected u32, got string \"two\"", result.Error);
        Assert.Null(result.InvocationId);
    }

    [Fact]
    public async Task InvokeExportAsync_WrongNumberOfArguments_IsInvalidInput()
    {
        var tenant = await SeedAsync("adder", "add");

        var result = await InvokeAsync(tenant, "adder", null, "add", "[40]");

        Assert.Equal(ExtensionCallStatus.InvalidInput, result.Status);
        Assert.Contains("expected 2 arguments", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeExportAsync_FunctionTheVersionDoesNotExport_IsExportMissing()
    {
        var tenant = await SeedAsync("adder", "add");

        var result = await InvokeAsync(tenant, "adder", Pricing, "discount", "[]");

        Assert.Equal(ExtensionCallStatus.ExportMissing, result.Status);
        Assert.Contains($"{Pricing}#discount", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task InvokeExportAsync_GuestReturnsErr_IsFailedWithTheWholeResultAndTheErrValue()
    {
        var tenant = await SeedAsync("checker", "guest-error");

        var result = await InvokeAsync(tenant, "checker", null, "check", "[3]");

        Assert.Equal(ExtensionCallStatus.Failed, result.Status);
        Assert.Equal(InvocationOutcome.GuestError, result.Outcome);
        Assert.Equal("""{"err":"odd"}""", result.Output!.Value.GetRawText());
        Assert.Equal("odd", result.ErrorValue!.Value.GetString());
    }

    [Fact]
    public async Task InvokeExportAsync_Trap_IsFailedWithoutOutput()
    {
        var tenant = await SeedAsync("crasher", "unreachable");

        var result = await InvokeAsync(tenant, "crasher", null, "run", "[]");

        Assert.Equal(ExtensionCallStatus.Failed, result.Status);
        Assert.Equal(InvocationOutcome.Trap, result.Outcome);
        Assert.Equal(TrapKind.Unreachable, result.Invocation!.Trap);
        Assert.Null(result.Output);
    }

    [Fact]
    public async Task InvokeExportAsync_UnknownTenant_IsNotFound()
    {
        var result = await InvokeAsync("no-such-tenant", "adder", null, "add", "[1, 2]");

        Assert.Equal(ExtensionCallStatus.NotFound, result.Status);
    }

    [Fact]
    public async Task InvokeExportAsync_JavaScriptPricing_RoundTripsRecordsEnumsOptionsListsAndVariants()
    {
        var tenant = InvocationFixture.NewTenantId();
        await fixture.Host.SeedAsync(tenant, "pricing", InvocationFixture.JsPricing());

        var result = await InvokeAsync(tenant, "pricing", Pricing, "discount", """
            [{"customer": {"id": "c1", "tier": "gold"},
              "lines": [{"sku": "a", "quantity": 2, "unit-price-cents": 100}, {"sku": "b", "quantity": 1, "unit-price-cents": 50}]}]
            """);

        Assert.Equal(ExtensionCallStatus.Ok, result.Status);
        Assert.Equal(
            """{"ok":{"discount":{"tag":"percent","value":10},"skus":["a"],"note":"c1: 2 line(s), 250 cents"}}""",
            result.Output!.Value.GetRawText());
        Assert.Contains(result.Invocation!.Logs, line => line.Message == "js pricing: c1 (gold)");
    }
}
