using System.Text.Json;
using System.Text.Json.Serialization;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Sdk.Cli.Project;

/// <summary>
/// <c>ext.json</c>, the project file <c>ext init</c> writes: the component's name, how to build it
/// and what the build writes. <c>build</c>, <c>validate</c>, <c>test</c>, <c>publish</c> and
/// <c>replay</c> read it, so inside a project they need no file or component name.
/// </summary>
internal sealed record ProjectManifest
{
    public const string FileName = "ext.json";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web)
    {
        WriteIndented = true,
        DefaultIgnoreCondition = JsonIgnoreCondition.WhenWritingNull,
    };

    /// <summary>The component's name at the host (what <c>ext publish</c> uploads as).</summary>
    public string Name { get; init; } = "";

    /// <summary>rust, go or js; informational.</summary>
    public string? Language { get; init; }

    /// <summary>The world the component implements, e.g. <c>saas:extensibility/event-extension@1.0.0</c>.</summary>
    public string? World { get; init; }

    /// <summary>The build command, run by <c>sh -c</c> in the project folder.</summary>
    public string Build { get; init; } = "";

    /// <summary>The component the build writes, relative to the project folder.</summary>
    public string Output { get; init; } = "";

    /// <summary>The folder the manifest was read from.</summary>
    [JsonIgnore]
    public string Directory { get; init; } = "";

    /// <summary>The full path of <see cref="Output"/>.</summary>
    [JsonIgnore]
    public string OutputPath => Path.GetFullPath(Path.Combine(Directory, Output));

    public string ToJson() => JsonSerializer.Serialize(this, s_json) + "\n";

    /// <summary>The manifest of the project in <paramref name="directory"/>, or null when it has none.</summary>
    public static ProjectManifest? Find(string directory)
    {
        var path = Path.Combine(directory, FileName);
        return File.Exists(path) ? Read(path) : null;
    }

    /// <summary>The manifest of the project in <paramref name="directory"/>; says what to do when there is none.</summary>
    public static ProjectManifest Require(string directory, string need) =>
        Find(directory) ?? throw new CliException(
            $"{Path.GetFullPath(directory)} has no {FileName}: {need}, or run it in a project made by 'ext init'.");

    private static ProjectManifest Read(string path)
    {
        ProjectManifest? manifest;
        try
        {
            manifest = JsonSerializer.Deserialize<ProjectManifest>(File.ReadAllText(path), s_json);
        }
        catch (JsonException exception)
        {
            throw new CliException($"{path} is not a valid project file: {exception.Message}. It is JSON: {{\"name\": …, \"build\": …, \"output\": …}}.");
        }

        if (manifest is null || string.IsNullOrWhiteSpace(manifest.Name) || string.IsNullOrWhiteSpace(manifest.Build) || string.IsNullOrWhiteSpace(manifest.Output))
        {
            throw new CliException($"{path} needs \"name\", \"build\" (the build command) and \"output\" (the component it writes).");
        }

        if (!ComponentName.IsValid(manifest.Name))
        {
            throw new CliException($"{path}: \"name\" '{manifest.Name}' is not a component name: it must be {ComponentName.Rule}.");
        }

        return manifest with { Directory = Path.GetDirectoryName(Path.GetFullPath(path))! };
    }
}
