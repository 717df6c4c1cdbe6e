using System.Text.Json;

namespace ExtensibilityHost.Sdk.Tests;

public sealed class InspectCommandTests
{
    [Fact]
    public async Task Inspect_EventHandler_PrintsItsWorldImportsAndSignatures()
    {
        var (exitCode, output, _) = await Ext.RunAsync("inspect", Guests.WatPath("event-handler"));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("worlds  saas:extensibility/event-extension@1.0.0", output, StringComparison.Ordinal);
        Assert.Contains("log: func(level: enum { trace, debug, info, warn, error }, message: string)", output, StringComparison.Ordinal);
        Assert.Contains("handle: func(event: record { id: string, event-type: string, tenant-id: string, occurred-at: u64, payload: string })", output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_Json_GivesWorldsImportsAndExportsAsData()
    {
        var (exitCode, output, _) = await Ext.RunAsync("inspect", Guests.Built("rust-event-handler.wasm"), "--json");

        using var json = JsonDocument.Parse(output);
        var root = json.RootElement;
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.True(root.GetProperty("conforms").GetBoolean());
        Assert.Equal("saas:extensibility/event-extension@1.0.0", root.GetProperty("worlds")[0].GetString());
        var export = root.GetProperty("exports").EnumerateArray().Single(e => e.GetProperty("name").GetString() == "saas:extensibility/event-handler@1.0.0");
        Assert.Equal("handle", export.GetProperty("functions")[0].GetProperty("name").GetString());
        Assert.Equal(64, root.GetProperty("sha256").GetString()!.Length);
    }

    [Fact]
    public async Task Inspect_ComponentImplementingNoWorld_ExitsDoesNotConformAndSaysWhy()
    {
        var (exitCode, output, _) = await Ext.RunAsync("inspect", Guests.WatPath("add"), "--json");

        using var json = JsonDocument.Parse(output);
        Assert.Equal(ExitCodes.DoesNotConform, exitCode);
        Assert.Empty(json.RootElement.GetProperty("worlds").EnumerateArray());
        Assert.Contains(json.RootElement.GetProperty("problems").EnumerateArray(), p => p.GetProperty("code").GetString() == "no-world");
    }

    [Fact]
    public async Task Inspect_CoreModule_IsRefusedWithWhatToDo()
    {
        var path = TempFile(".wat", "(module (func (export \"f\")))");

        var (exitCode, _, error) = await Ext.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("core WebAssembly module", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inspect_Garbage_IsRefused()
    {
        var path = TempFile(".wasm", "this is not wasm at all");

        var (exitCode, _, error) = await Ext.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("not a WebAssembly binary", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_TruncatedComponent_IsRefused()
    {
        var bytes = await File.ReadAllBytesAsync(Guests.Built("rust-event-handler.wasm"), TestContext.Current.CancellationToken);
        var path = Path.Combine(Directory.CreateTempSubdirectory("ext-").FullName, "cut.wasm");
        await File.WriteAllBytesAsync(path, bytes[..(bytes.Length / 2)], TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await Ext.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("truncat", error, StringComparison.OrdinalIgnoreCase);
    }

    [Fact]
    public async Task Inspect_InvalidWat_SaysWhere()
    {
        var path = TempFile(".wat", "(component (func oops))");

        var (exitCode, _, error) = await Ext.RunAsync("inspect", path);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("not valid WebAssembly text", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Inspect_MissingFile_SaysSo()
    {
        var (exitCode, _, error) = await Ext.RunAsync("inspect", "/nonexistent/x.wasm");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("no such file", error, StringComparison.Ordinal);
    }

    private static string TempFile(string extension, string contents)
    {
        var path = Path.Combine(Directory.CreateTempSubdirectory("ext-").FullName, "input" + extension);
        File.WriteAllText(path, contents);
        return path;
    }
}
