using System.Text.Json;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary><c>ext inspect</c> and <c>ext validate</c> say which <c>saas:extensibility</c> version a component targets.</summary>
public sealed class ContractVersionCommandTests
{
    private static string PathOf(string guest) =>
        guest.EndsWith(".wat", StringComparison.Ordinal) ? Guests.WatPath(Path.GetFileNameWithoutExtension(guest)) : Guests.Built(guest);

    [Theory]
    [InlineData("event-handler.wat", "targets saas:extensibility@1.0.0")]
    [InlineData("metadata-event-handler-1.1.wat", "targets saas:extensibility@1.1.0")]
    [InlineData("rust-std-event-handler-1.1.wasm", "targets saas:extensibility@1.1.0")]
    [InlineData("add.wat", "targets (no saas:extensibility interface)")]
    public async Task Inspect_Text_SaysWhichContractVersionTheComponentTargets(string guest, string expected)
    {
        var (_, output, _) = await Ext.RunAsync("inspect", PathOf(guest));

        Assert.Contains("  " + expected + "\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("event-handler.wat", "1.0.0")]
    [InlineData("go-event-handler-1.1.wasm", "1.1.0")]
    [InlineData("add.wat", null)]
    public async Task Inspect_Json_HasTheContractVersion(string guest, string? expected)
    {
        var (_, output, _) = await Ext.RunAsync("inspect", PathOf(guest), "--json");

        using var json = JsonDocument.Parse(output);
        var contractVersion = json.RootElement.GetProperty("contractVersion");
        Assert.Equal(expected, contractVersion.ValueKind == JsonValueKind.Null ? null : contractVersion.GetString());
    }

    [Theory]
    [InlineData("event-handler.wat", "targets saas:extensibility@1.0.0")]
    [InlineData("metadata-event-handler-1.1.wat", "targets saas:extensibility@1.1.0")]
    public async Task Validate_Text_SaysWhichContractVersionTheComponentTargets(string guest, string expected)
    {
        var (exitCode, output, _) = await Ext.RunAsync("validate", PathOf(guest));

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Contains("  " + expected + "\n", output.ReplaceLineEndings("\n"), StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("metadata-event-handler-1.1.wat", "1.1.0")]
    [InlineData("add.wat", null)]
    public async Task Validate_Json_HasTheContractVersion(string guest, string? expected)
    {
        var (_, result) = await Ext.RunJsonAsync("validate", PathOf(guest), "--json");

        var contractVersion = result.GetProperty("contractVersion");
        Assert.Equal(expected, contractVersion.ValueKind == JsonValueKind.Null ? null : contractVersion.GetString());
    }
}
