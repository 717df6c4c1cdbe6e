using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Tests;

public sealed class Wat2WasmCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-wat2wasm-").FullName;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Fact]
    public async Task Wat2Wasm_EventHandler_WritesTheBinaryTheHostChecks()
    {
        var target = Path.Combine(_directory, "event-handler.wasm");

        var (exitCode, output, _) = await Ext.RunAsync("wat2wasm", Guests.WatPath("event-handler"), "-o", target);

        var expected = WatText.ToBinary(Guests.Wat("event-handler"));
        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(expected, await File.ReadAllBytesAsync(target, TestContext.Current.CancellationToken));
        Assert.Contains(ComponentHash.Of(expected), output, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Wat2Wasm_InvalidText_ExitsInvalidInputAndWritesNothing()
    {
        var source = Path.Combine(_directory, "broken.wat");
        await File.WriteAllTextAsync(source, "(component (oops", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await Ext.RunAsync("wat2wasm", source);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("not valid WebAssembly text", error, StringComparison.Ordinal);
        Assert.False(File.Exists(Path.Combine(_directory, "broken.wasm")));
    }
}
