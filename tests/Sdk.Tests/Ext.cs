using System.Text.Json;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>Runs the <c>ext</c> command line in-process and captures what it prints.</summary>
internal static class Ext
{
    // The tests' compiled artifacts live beside the built guests, never in the developer's own cache.
    static Ext() => Environment.SetEnvironmentVariable(
        "EXTHOST_CACHE_DIR", Path.Combine(Path.GetDirectoryName(ExtensibilityHost.Testing.Guests.Built("js-pricing.wasm"))!, ".ext-cache"));

    public static async Task<(int ExitCode, string Output, string Error)> RunAsync(params string[] args)
    {
        using var output = new StringWriter();
        using var error = new StringWriter();
        var exitCode = await ExtCli.RunAsync(args, output, error, TestContext.Current.CancellationToken);
        return (exitCode, output.ToString(), error.ToString());
    }

    public static async Task<(int ExitCode, JsonElement Result)> RunJsonAsync(params string[] args)
    {
        var (exitCode, output, error) = await RunAsync(args);
        Assert.True(output.Length > 0, $"no output; stderr: {error}");
        using var document = JsonDocument.Parse(output);
        return (exitCode, document.RootElement.Clone());
    }
}
