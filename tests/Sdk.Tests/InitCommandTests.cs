using System.Diagnostics;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Tests;
using ExtensibilityHost.Sdk.Cli;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// <c>ext init</c> for every language and world: the project it writes is built by its own
/// build script with the machine's toolchains (Debian's Rust, Go 1.24, componentize-js) and the
/// component runs in the host's sandbox through <c>ext run</c>. The build scripts are bash (Linux, macOS).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InitCommandTests : IDisposable
{
    private const string HandleExport = "saas:extensibility/event-handler@1.0.0#handle";
    private const string InvokeExport = "saas:extensibility/extension-point@1.0.0#invoke";

    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-init-").FullName;

    public static TheoryData<string> Languages() => [.. ProjectTemplate.Languages];

    private static string RepositoryRoot => Path.GetFullPath(Path.Combine(Guests.Root, "..", ".."));

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    private static string Event(string payload) =>
        new JsonArray(new JsonObject
        {
            ["id"] = "e-1", ["event-type"] = "order.placed", ["tenant-id"] = "acme", ["occurred-at"] = 0, ["payload"] = payload,
        }).ToJsonString();

    /// <summary>Runs ext init, then the project's build.sh; returns the built component.</summary>
    private async Task<string> InitAndBuildAsync(string language, string world, string name)
    {
        var project = Path.Combine(_directory, name);
        var (exitCode, _, error) = await Ext.RunAsync("init", project, "--lang", language, "--world", world);
        Assert.True(exitCode == ExitCodes.Ok, error);

        // The template pins the same npm packages as the test guests (checked below), so the
        // project uses their installation instead of downloading it again.
        File.CreateSymbolicLink(Path.Combine(project, "node_modules"), Path.Combine(Guests.Root, "node_modules"));
        await RunBuildAsync(project);
        var component = Path.Combine(project, name + ".wasm");
        Assert.True(File.Exists(component), $"build.sh wrote no {component}");
        return component;
    }

    private static async Task RunBuildAsync(string project)
    {
        var start = new ProcessStartInfo(Path.Combine(project, "build.sh"))
        {
            WorkingDirectory = project,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };

        // The machine's toolchains as test.sh set them up: Go from .tools, and one Rust target
        // directory with the test guests, so std for wasm32-wasip1 is compiled once.
        var goRoot = Environment.GetEnvironmentVariable("EXTHOST_GOROOT") ?? Path.Combine(RepositoryRoot, ".tools", "go", "root", "usr", "lib", "go-1.24");
        start.Environment["GO"] = Path.Combine(goRoot, "bin", "go");
        start.Environment["GOROOT"] = goRoot;
        start.Environment["GOTOOLCHAIN"] = "local";
        start.Environment["GOPROXY"] = "off";
        start.Environment["GOCACHE"] = Path.Combine(Guests.Root, "out", ".go", "cache");
        start.Environment["GOPATH"] = Path.Combine(Guests.Root, "out", ".go", "path");
        start.Environment["CARGO_TARGET_DIR"] = Path.Combine(Guests.Root, "rust", "target");

        using var process = Process.Start(start)!;
        var stdout = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var stderr = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        await process.WaitForExitAsync(TestContext.Current.CancellationToken);
        Assert.True(process.ExitCode == 0, $"build.sh exited {process.ExitCode}:\n{await stdout}\n{await stderr}");
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Init_EventExtension_BuildsAHandlerThatProceedsVetoesAndLogs(string language)
    {
        var name = $"{language}-hooks";
        var component = await InitAndBuildAsync(language, "event-extension", name);

        var (proceeded, first) = await Ext.RunJsonAsync("run", component, "--export", HandleExport, "--args", Event("""{"orderId":1}"""), "--timeout-ms", "5000");
        var (_, vetoed) = await Ext.RunJsonAsync("run", component, "--export", HandleExport, "--args", Event("""{"blocked":true}"""), "--timeout-ms", "5000");

        Assert.Equal(ExitCodes.Ok, proceeded);
        Assert.Equal("proceed", first.GetProperty("output").GetProperty("ok").GetProperty("tag").GetString());
        var logs = first.GetProperty("logs").EnumerateArray().Select(l => (l.GetProperty("source").GetString(), l.GetProperty("message").GetString())).ToList();
        Assert.Equal([("stdout", $"{name} received order.placed e-1"), ("log", $"{name} has seen 1 event(s)")], logs);
        Assert.Equal($"blocked by {name}", vetoed.GetProperty("output").GetProperty("ok").GetProperty("value").GetString());
    }

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Init_PointExtension_BuildsAPointThatAnswersWithItsSetting(string language)
    {
        var name = $"{language}-pricing";
        var component = await InitAndBuildAsync(language, "point-extension", name);

        var (exitCode, result) = await Ext.RunJsonAsync(
            "run", component, "--export", InvokeExport, "--args", """["pricing.discount","{\"amountCents\":1000}"]""",
            "--config", "greeting=hi", "--timeout-ms", "5000");

        Assert.Equal(ExitCodes.Ok, exitCode);
        using var output = JsonDocument.Parse(result.GetProperty("output").GetProperty("ok").GetString()!);
        Assert.Equal("pricing.discount", output.RootElement.GetProperty("point").GetString());
        Assert.Equal("hi", output.RootElement.GetProperty("greeting").GetString());
        Assert.Equal(1000, output.RootElement.GetProperty("input").GetProperty("amountCents").GetInt32());
        Assert.Contains(result.GetProperty("logs").EnumerateArray(), l => l.GetProperty("source").GetString() == "stdout"
            && l.GetProperty("message").GetString() == $"{name} serving pricing.discount");
    }

    [Fact]
    public async Task Init_Json_ListsTheProjectFilesAndTheBuild()
    {
        var (exitCode, result) = await Ext.RunJsonAsync("init", Path.Combine(_directory, "orders"), "--lang", "go", "--world", "point-extension", "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        Assert.Equal(("orders", "saas:extensibility/point-extension@1.0.0", "orders.wasm"),
            (result.GetProperty("name").GetString(), result.GetProperty("world").GetString(), result.GetProperty("output").GetString()));
        var files = result.GetProperty("files").EnumerateArray().Select(f => f.GetString()).ToList();
        Assert.Contains("main.go", files);
        Assert.Contains("sdk/extensibility/abi.go", files);
        Assert.Contains("wit/extensibility.wit", files);
        Assert.All(files, f => Assert.True(File.Exists(Path.Combine(_directory, "orders", f!)), f));
        Assert.True(File.GetUnixFileMode(Path.Combine(_directory, "orders", "build.sh")).HasFlag(UnixFileMode.UserExecute));
    }

    [Fact]
    public async Task Init_ProjectFiles_AreTheRepositorysSdkAndWitVerbatim()
    {
        var project = Path.Combine(_directory, "orders");

        await Ext.RunAsync("init", project, "--lang", "rust", "--world", "event-extension");

        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "wit", "saas-extensibility", "extensibility.wit"), TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(Path.Combine(project, "wit", "extensibility.wit"), TestContext.Current.CancellationToken));
        Assert.Equal(
            await File.ReadAllTextAsync(Path.Combine(RepositoryRoot, "Extensions.Sdk", "rust", "saas-extensibility", "src", "abi.rs"), TestContext.Current.CancellationToken),
            await File.ReadAllTextAsync(Path.Combine(project, "sdk", "saas-extensibility", "src", "abi.rs"), TestContext.Current.CancellationToken));
        Assert.DoesNotContain("{{", await File.ReadAllTextAsync(Path.Combine(project, "src", "lib.rs"), TestContext.Current.CancellationToken), StringComparison.Ordinal);
    }

    [Fact]
    public async Task Init_NonEmptyFolder_Exits2AndWritesNothing()
    {
        var project = Directory.CreateDirectory(Path.Combine(_directory, "taken")).FullName;
        await File.WriteAllTextAsync(Path.Combine(project, "keep.txt"), "mine", TestContext.Current.CancellationToken);

        var (exitCode, _, error) = await Ext.RunAsync("init", project, "--lang", "rust", "--world", "event-extension");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("is not empty", error, StringComparison.Ordinal);
        Assert.Equal(["keep.txt"], Directory.EnumerateFileSystemEntries(project).Select(Path.GetFileName));
    }

    [Fact]
    public async Task Init_FolderNameThatIsNoComponentName_Exits2AskingForName()
    {
        var (exitCode, _, error) = await Ext.RunAsync("init", Path.Combine(_directory, "Order_Hooks"), "--lang", "js", "--world", "event-extension");

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("Pass --name", error, StringComparison.Ordinal);
        Assert.False(Directory.Exists(Path.Combine(_directory, "Order_Hooks")));
    }

    [Fact]
    public async Task Init_UnknownLanguage_IsAUsageError()
    {
        var (exitCode, _, error) = await Ext.RunAsync("init", Path.Combine(_directory, "x"), "--lang", "cobol", "--world", "event-extension");

        Assert.Equal(ExitCodes.Usage, exitCode);
        Assert.Contains("'cobol' not recognized", error, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("common")]
    [InlineData("js")]
    public async Task TemplatePackages_PinTheTestGuestsVersions(string template)
    {
        var pinned = JsonNode.Parse(await File.ReadAllTextAsync(Path.Combine(Guests.Root, "package.json"), TestContext.Current.CancellationToken))!["devDependencies"]!.AsObject();
        var templatePackage = Path.Combine(RepositoryRoot, "Extensions.Sdk", "templates", template, "package.json");

        var dependencies = JsonNode.Parse(await File.ReadAllTextAsync(templatePackage, TestContext.Current.CancellationToken))!["devDependencies"]!.AsObject();

        Assert.All(dependencies, d => Assert.Equal(pinned[d.Key]?.GetValue<string>(), d.Value!.GetValue<string>()));
    }
}
