using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// <c>ext build</c> with projects whose build is a shell command (the language builds run in
/// <see cref="ExtensionLoopTests"/> and <see cref="InitCommandTests"/>): what it runs, where its
/// output goes, and each way a build can fail.
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class BuildCommandTests : IDisposable
{
    private readonly string _project = Directory.CreateTempSubdirectory("exthost-build-").FullName;

    public void Dispose() => Directory.Delete(_project, recursive: true);

    private async Task ProjectAsync(string build, string output = "out.wasm") =>
        await File.WriteAllTextAsync(Path.Combine(_project, "ext.json"),
            $$"""{"name": "hooks", "build": "{{build}}", "output": "{{output}}"}""", TestContext.Current.CancellationToken);

    [Fact]
    public async Task Build_ThatWritesAComponent_RunsInTheProjectAndChecksTheResult()
    {
        await File.WriteAllBytesAsync(Path.Combine(_project, "built.bin"), WatText.ToBinary(Guests.Wat("event-handler")), TestContext.Current.CancellationToken);
        await ProjectAsync("echo compiling >&2 && cp built.bin out.wasm");

        var (exitCode, result) = await Ext.RunJsonAsync("build", _project, "--json");
        var (_, _, error) = await Ext.RunAsync("build", _project);

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(("hooks", true), (result.GetProperty("component").GetString(), result.GetProperty("accepted").GetBoolean()));
        Assert.Equal(Path.Combine(_project, "out.wasm"), result.GetProperty("file").GetString());
        Assert.Contains("compiling", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ThatFails_Exits4WithItsOutput()
    {
        await ProjectAsync("echo 'error[E0425]: cannot find value' >&2; exit 3");

        var (exitCode, _, error) = await Ext.RunAsync("build", _project);

        Assert.Equal(ExitCodes.BuildFailed, exitCode);
        Assert.Contains("error[E0425]: cannot find value", error, StringComparison.Ordinal);
        Assert.Contains("exited with 3", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ThatWritesNothing_Exits4NamingTheMissingOutput()
    {
        await ProjectAsync("true");

        var (exitCode, _, error) = await Ext.RunAsync("build", _project);

        Assert.Equal(ExitCodes.BuildFailed, exitCode);
        Assert.Contains("wrote no out.wasm", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Build_ThatWritesAComponentTheHostWouldRefuse_Exits3()
    {
        await File.WriteAllBytesAsync(Path.Combine(_project, "built.bin"), WatText.ToBinary(Guests.Wat("add")), TestContext.Current.CancellationToken);
        await ProjectAsync("cp built.bin out.wasm");

        var (exitCode, output, _) = await Ext.RunAsync("build", _project);

        Assert.Equal(ExitCodes.DoesNotConform, exitCode);
        Assert.Contains("- no-world:", output, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData(null, "has no ext.json")]
    [InlineData("{\"name\": \"hooks\"}", "needs \"name\", \"build\"")]
    [InlineData("{\"name\": \"Bad Name\", \"build\": \"true\", \"output\": \"x.wasm\"}", "is not a component name")]
    [InlineData("not json", "is not a valid project file")]
    public async Task Build_WithoutAUsableProjectFile_Exits2SayingWhatToFix(string? manifest, string message)
    {
        if (manifest is not null)
        {
            await File.WriteAllTextAsync(Path.Combine(_project, "ext.json"), manifest, TestContext.Current.CancellationToken);
        }

        var (exitCode, _, error) = await Ext.RunAsync("build", _project);

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains(message, error, StringComparison.Ordinal);
    }
}
