using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext init &lt;dir&gt; --lang rust|go|js --world event-extension|point-extension [--name n] [--json]</c>:
/// writes a working tenant project (source, build script, README, SDK, WIT) into a new or empty folder.
/// </summary>
internal static class InitCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("dir") { Description = "The project folder to create (it must not exist, or be empty)." };
        var language = new Option<string>("--lang") { Description = "The language: rust, go or js.", Required = true };
        language.AcceptOnlyFromAmong(ProjectTemplate.Languages);
        var world = new Option<string>("--world") { Description = "What the component is: event-extension (an event handler) or point-extension (an extension point).", Required = true };
        world.AcceptOnlyFromAmong(ProjectTemplate.Worlds);
        var name = new Option<string?>("--name") { Description = "The component's name (default: the folder's name)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("init", "Write a working extension project: source, build script, README, the SDK and the WIT.")
        {
            directory, language, world, name, json,
        };
        command.SetAction((parse, cancellationToken) => CliAction.RunAsync(error, () => InitAsync(
            parse.GetRequiredValue(directory), parse.GetRequiredValue(language), parse.GetRequiredValue(world),
            parse.GetValue(name), parse.GetValue(json), output, cancellationToken), parse.GetValue(json)));
        return command;
    }

    private static async Task<int> InitAsync(
        string directory, string language, string world, string? name, bool asJson, TextWriter output, CancellationToken cancellationToken)
    {
        var root = Path.GetFullPath(directory);
        name ??= Path.GetFileName(root.TrimEnd(Path.DirectorySeparatorChar)).ToLowerInvariant();
        if (!ComponentName.IsValid(name))
        {
            throw new CliException($"'{name}' cannot be the component's name: it must be {ComponentName.Rule}. Pass --name.");
        }

        if (Directory.Exists(root) && Directory.EnumerateFileSystemEntries(root).Any())
        {
            throw new CliException($"{directory} is not empty: ext init writes only into a new or empty folder.");
        }

        if (File.Exists(root))
        {
            throw new CliException($"{directory} is a file: ext init writes a project folder.");
        }

        var template = new ProjectTemplate(language, world, name);
        var written = new List<string>();
        foreach (var (path, content, executable) in template.Files())
        {
            var target = Path.Combine(root, path);
            Directory.CreateDirectory(Path.GetDirectoryName(target)!);
            await File.WriteAllBytesAsync(target, content, cancellationToken);
            if (executable && !OperatingSystem.IsWindows())
            {
                File.SetUnixFileMode(target, File.GetUnixFileMode(target) | UnixFileMode.UserExecute | UnixFileMode.GroupExecute | UnixFileMode.OtherExecute);
            }

            written.Add(path);
        }

        if (asJson)
        {
            await output.WriteLineAsync(new JsonObject
            {
                ["directory"] = root,
                ["name"] = name,
                ["language"] = language,
                ["world"] = $"saas:extensibility/{world}@1.0.0",
                ["build"] = "./build.sh",
                ["output"] = template.Output,
                ["files"] = new JsonArray([.. written.Select(f => (JsonNode)f)]),
            }.ToJsonString(CliJson.Indented));
        }
        else
        {
            await output.WriteLineAsync($"Wrote a {language} {world} project '{name}' to {directory} ({written.Count} files). Next, in {directory}:");
            await output.WriteLineAsync($"  ext build          # runs ./build.sh -> {template.Output}, then checks it as the host's upload does");
            await output.WriteLineAsync($"  ext test {ProjectTemplate.TestArguments(world)}");
            await output.WriteLineAsync("  ext login --host <url> --key <key> && ext publish");
            await output.WriteLineAsync("  (README.md walks through the whole loop)");
        }

        return ExitCodes.Ok;
    }
}
