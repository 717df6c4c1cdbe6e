using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Tests;

public sealed class RunCommandTests
{
    [Fact]
    public async Task Run_Add_PrintsOkAndTheTypedOutput()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("add"), "--export", "add", "--args", "[40, 2]");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("ok", result.GetProperty("outcome").GetString());
        Assert.Equal(42, result.GetProperty("output").GetInt32());
        Assert.True(result.GetProperty("durationMs").GetDouble() > 0);
        Assert.Equal(JsonValueKind.Null, result.GetProperty("fuelConsumed").ValueKind);
        Assert.Equal(0, result.GetProperty("logs").GetArrayLength());
    }

    [Fact]
    public async Task Run_EndlessLoop_IsTimeoutWithItsExitCode()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("loop"), "--export", "run", "--timeout-ms", "50");

        Assert.Equal(ExitCodes.Timeout, exitCode);
        Assert.Equal("timeout", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Run_GuestReturnsErr_IsGuestErrorWithTheErrAsOutput()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("guest-error"), "--export", "check", "--args", "[3]");

        Assert.Equal(ExitCodes.GuestError, exitCode);
        Assert.Equal("odd", result.GetProperty("output").GetProperty("err").GetString());
    }

    [Fact]
    public async Task Run_WithFuel_ReportsTheSameFuelEveryRun()
    {
        var (_, first) = await Ext.RunJsonAsync("run", Guests.WatPath("fuel"), "--export", "spin", "--args", "[1000]", "--fuel", "1000000");
        var (_, second) = await Ext.RunJsonAsync("run", Guests.WatPath("fuel"), "--export", "spin", "--args", "[1000]", "--fuel", "1000000");

        Assert.True(first.GetProperty("fuelConsumed").GetInt64() > 1000);
        Assert.Equal(first.GetProperty("fuelConsumed").GetInt64(), second.GetProperty("fuelConsumed").GetInt64());
    }

    [Fact]
    public async Task Run_FuelTooSmall_IsOutOfFuel()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("fuel"), "--export", "spin", "--args", "[100000000]", "--fuel", "5000");

        Assert.Equal(ExitCodes.OutOfFuel, exitCode);
        Assert.Equal("out-of-fuel", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Run_MemoryLimit_CapsGrowth()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("memory-bomb"), "--export", "grow", "--memory-mb", "16");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(256, result.GetProperty("output").GetInt32());
    }

    [Fact]
    public async Task Run_InitialMemoryAboveTheLimit_IsOutOfMemory()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("big-memory"), "--export", "run");

        Assert.Equal(ExitCodes.OutOfMemory, exitCode);
        Assert.Equal("out-of-memory", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Run_MemoryLimitAboveTheHostsPoolSize_IsHonouredLocally()
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ext-").FullName, "big.wat");
        await File.WriteAllTextAsync(path,
            """(component (core module $m (memory 4800) (func (export "run"))) (core instance $i (instantiate $m)) (func (export "run") (canon lift (core func $i "run"))))""",
            TestContext.Current.CancellationToken);

        var (exitCode, result) = await Ext.RunJsonAsync("run", path, "--export", "run", "--memory-mb", "512");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("ok", result.GetProperty("outcome").GetString());
    }

    [Fact]
    public async Task Run_Unreachable_IsTrapWithItsKind()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("unreachable"), "--export", "run");

        Assert.Equal(ExitCodes.Trap, exitCode);
        Assert.Equal("trap", result.GetProperty("outcome").GetString());
        Assert.Equal("unreachable", result.GetProperty("trap").GetString());
    }

    [Fact]
    public async Task Run_ConfigSetting_IsVisibleToTheGuest()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.WatPath("host-imports"), "--export", "greeting", "--config", "greeting=hello there");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal("hello there", result.GetProperty("output").GetString());
    }

    [Fact]
    public async Task Run_TypedCallOfTheJavaScriptPricingGuest_RoundTripsJson()
    {
        const string Cart = """[{"customer":{"id":"c1","tier":"gold"},"lines":[{"sku":"a","quantity":2,"unit-price-cents":100},{"sku":"b","quantity":1,"unit-price-cents":50}]}]""";

        var (exitCode, result) = await Ext.RunJsonAsync("run", Guests.Built("js-pricing.wasm"), "--export", "acme:shop/pricing@1.0.0#discount", "--args", Cart, "--timeout-ms", "2000");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var quote = result.GetProperty("output").GetProperty("ok");
        Assert.Equal("percent", quote.GetProperty("discount").GetProperty("tag").GetString());
        Assert.Equal(10, quote.GetProperty("discount").GetProperty("value").GetInt32());
        Assert.Equal(["a"], quote.GetProperty("skus").EnumerateArray().Select(s => s.GetString()!).ToArray());
        Assert.Equal("c1: 2 line(s), 250 cents", quote.GetProperty("note").GetString());
        Assert.Equal("js pricing: c1 (gold)", result.GetProperty("logs")[0].GetProperty("message").GetString());
    }

    [Fact]
    public async Task Run_ArgumentOfTheWrongType_NamesTheParameter()
    {
        var (exitCode, _, error) = await Ext.RunAsync("run", Guests.WatPath("add"), "--export", "add", "--args", """["x", 2]""");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("argument 'a'", error, StringComparison.Ordinal);
        Assert.Contains("expected u32", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_ArgsNotAnArray_SaysWhatToWrite()
    {
        var (exitCode, _, error) = await Ext.RunAsync("run", Guests.WatPath("add"), "--export", "add", "--args", "{}");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("must be a JSON array", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_UnknownExport_ListsTheExports()
    {
        var (exitCode, _, error) = await Ext.RunAsync("run", Guests.WatPath("add"), "--export", "nope");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Exports: add, echo.", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_WithoutExport_IsAUsageError()
    {
        var (exitCode, _, error) = await Ext.RunAsync("run", Guests.WatPath("add"));

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--export", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Run_NonPositiveTimeout_IsAUsageError()
    {
        var (exitCode, _, error) = await Ext.RunAsync("run", Guests.WatPath("add"), "--export", "add", "--timeout-ms", "0");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("--timeout-ms must be a positive", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(InvocationOutcome.Ok, 0)]
    [InlineData(InvocationOutcome.GuestError, 10)]
    [InlineData(InvocationOutcome.Timeout, 11)]
    [InlineData(InvocationOutcome.OutOfFuel, 12)]
    [InlineData(InvocationOutcome.OutOfMemory, 13)]
    [InlineData(InvocationOutcome.Trap, 14)]
    [InlineData(InvocationOutcome.HostError, 15)]
    public void ExitCodes_EveryOutcome_HasItsDocumentedCode(InvocationOutcome outcome, int expected) =>
        Assert.Equal(expected, ExitCodes.For(outcome));
}
