using System.Text.Json;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary><c>ext validate</c>: the host's upload check on the developer's machine (size, world, imports, WASI allow-list).</summary>
public sealed class ValidateCommandTests
{
    private static List<string?> Codes(JsonElement result) =>
        [.. result.GetProperty("problems").EnumerateArray().Select(p => p.GetProperty("code").GetString())];

    [Fact]
    public async Task Validate_HandlerOfTheEventWorld_IsAcceptedWithItsWorld()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("validate", Guests.WatPath("event-handler"), "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.True(result.GetProperty("accepted").GetBoolean());
        Assert.Equal(["saas:extensibility/event-extension@1.0.0"], result.GetProperty("worlds").EnumerateArray().Select(w => w.GetString()));
        Assert.Empty(Codes(result));
    }

    [Fact]
    public async Task Validate_ComponentOfNoWorld_IsRefusedWithExit3()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("validate", Guests.WatPath("add"), "--json");

        Assert.Equal(ExitCodes.DoesNotConform, exitCode);
        Assert.False(result.GetProperty("accepted").GetBoolean());
        Assert.Equal(["no-world"], Codes(result));
    }

    [Fact]
    public async Task Validate_OverTheSizeCap_IsRefusedSayingWhatToDo()
    {
        var (exitCode, output, _) = await Ext.RunAsync("validate", Guests.WatPath("event-handler"), "--max-bytes", "100");

        Assert.Equal(ExitCodes.DoesNotConform, exitCode);
        Assert.Contains("would refuse it", output, StringComparison.Ordinal);
        Assert.Contains("- payload-too-large", output, StringComparison.Ordinal);
        Assert.Contains("over the host's upload cap of 100 bytes", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Validate_WasiOutsideTheAllowList_NamesEachInterface()
    {
        var rustStd = Guests.Built("rust-std-event-handler.wasm");

        var (allowListed, narrowed) = await Ext.RunJsonAsync("validate", rustStd, "--wasi-allow", "wasi:cli/stdout", "--json");
        var (withoutWasi, off) = await Ext.RunJsonAsync("validate", rustStd, "--no-wasi", "--json");
        var (defaults, accepted) = await Ext.RunJsonAsync("validate", rustStd, "--json");

        Assert.Equal((ExitCodes.DoesNotConform, ExitCodes.DoesNotConform, ExitCodes.Ok), (allowListed, withoutWasi, defaults));
        var refused = narrowed.GetProperty("problems").EnumerateArray().Where(p => p.GetProperty("code").GetString() == "wasi-not-allowed")
            .Select(p => p.GetProperty("subject").GetString()!).ToList();
        Assert.Contains(refused, s => s.StartsWith("wasi:cli/stderr@", StringComparison.Ordinal));
        Assert.DoesNotContain(refused, s => s.StartsWith("wasi:cli/stdout@", StringComparison.Ordinal));
        Assert.All(Codes(off), code => Assert.Equal("wasi-not-allowed", code));
        Assert.Contains("wasi:cli/stdout", accepted.GetProperty("wasi").EnumerateArray().Select(w => w.GetString()));
    }

    [Fact]
    public async Task Validate_CoreModule_IsRefusedAsNotAComponent()
    {
        var directory = Directory.CreateTempSubdirectory("exthost-validate-").FullName;
        try
        {
            var module = Path.Combine(directory, "module.wat");
            await File.WriteAllTextAsync(module, "(module)", TestContext.Current.CancellationToken);

            var (exitCode, result) = await Ext.RunJsonAsync("validate", module, "--json");

            Assert.Equal(ExitCodes.DoesNotConform, exitCode);
            Assert.Equal(["core-module"], Codes(result));
        }
        finally
        {
            Directory.Delete(directory, recursive: true);
        }
    }

    [Fact]
    public async Task Validate_MissingFile_Exits2NamingIt()
    {
        var (exitCode, _, error) = await Ext.RunAsync("validate", "/no/such/file.wasm");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("/no/such/file.wasm: no such file.", error, StringComparison.Ordinal);
    }
}
