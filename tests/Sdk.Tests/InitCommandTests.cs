using System.Text.Json;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// <c>ext init</c> for every language: the point-extension project it writes is built by
/// <c>ext build</c> with the machine's toolchains (Debian's Rust, Go 1.24, componentize-js) and
/// answers through <c>ext test</c>; the event-extension projects go through the whole tenant loop
/// in <see cref="ExtensionLoopTests"/>. The build scripts are bash (Linux, macOS).
/// </summary>
[System.Runtime.Versioning.UnsupportedOSPlatform("windows")]
public sealed class InitCommandTests : IDisposable
{
    private readonly string _directory = Directory.CreateTempSubdirectory("exthost-init-").FullName;

    public static TheoryData<string> Languages() => [.. ProjectTemplate.Languages];

    private static string RepositoryRoot => Projects.RepositoryRoot;

    public void Dispose() => Directory.Delete(_directory, recursive: true);

    [Theory]
    [MemberData(nameof(Languages))]
    public async Task Init_PointExtension_BuildsAPointThatAnswersWithItsSetting(string language)
    {
        var name = $"{language}-pricing";
        var project = await Projects.InitAndBuildAsync(_directory, language, "point-extension", name);

        var (exitCode, result) = await Ext.RunJsonAsync(
            "test", project, "--point", "pricing.discount", "--input", """{"amountCents":1000}""", "--config", "greeting=hi", "--timeout-ms", "5000", "--json");

        Assert.Equal(ExitCodes.Ok, exitCode);
        var output = result.GetProperty("output");
        Assert.Equal("pricing.discount", output.GetProperty("point").GetString());
        Assert.Equal("hi", output.GetProperty("greeting").GetString());
        Assert.Equal(1000, output.GetProperty("input").GetProperty("amountCents").GetInt32());
        Assert.Contains(result.GetProperty("logs").EnumerateArray(), l => l.GetProperty("source").GetString() == "stdout"
            && l.GetProperty("message").GetString() == $"{name} serving pricing.discount");
        Assert.True(result.GetProperty("fuelConsumed").GetInt64() > 0);
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
        Assert.Contains("ext.json", files);
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
