using System.Globalization;
using System.Text.Json;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Sdk.Cli.Project;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>What the verbs that call a component locally share: which file, which export, JSON from the command line.</summary>
internal static class LocalCall
{
    /// <summary>
    /// The component file and its name: the file given, the output of the project folder given, or
    /// the output of the project in the current folder.
    /// </summary>
    public static (string File, string ComponentName) Resolve(string? file)
    {
        if (file is not null && Directory.Exists(file))
        {
            var folder = ProjectManifest.Require(file, "give a component file or a project folder");
            return (folder.OutputPath, folder.Name);
        }

        if (file is not null)
        {
            var manifest = ProjectManifest.Find(Path.GetDirectoryName(Path.GetFullPath(file))!);
            var name = manifest is not null && Path.GetFullPath(file) == manifest.OutputPath ? manifest.Name : Path.GetFileNameWithoutExtension(file);
            return (file, name);
        }

        var project = ProjectManifest.Require(".", "give the component file");
        return (project.OutputPath, project.Name);
    }

    public static InvocationTarget ParseTarget(string export)
    {
        try
        {
            return InvocationTarget.Parse(export);
        }
        catch (FormatException exception)
        {
            throw new CliException(exception.Message);
        }
    }

    /// <summary>The signature of <paramref name="target"/>; names the exports there are when it is missing.</summary>
    public static ComponentFunctionSignature Signature(ComponentDescription description, InvocationTarget target, string? hint = null)
    {
        var signature = target.Interface is null
            ? description.FindExport(target.Function)?.Signature
            : description.FindExport(target.Interface)?.FindFunction(target.Function)?.Signature;
        if (signature is not null)
        {
            return signature;
        }

        var available = description.Exports
            .SelectMany(e => e.Signature is not null ? [e.Name] : e.Functions.Select(f => $"{e.Name}#{f.Name}"))
            .ToList();
        throw new CliException(string.Create(CultureInfo.InvariantCulture,
            $"the component has no export '{target}'{hint}. Exports: {(available.Count == 0 ? "(none)" : string.Join(", ", available))}."));
    }

    /// <summary>JSON given on the command line, or <c>@path</c> to read it from a file.</summary>
    public static JsonElement Json(string text, string option)
    {
        if (text.StartsWith('@'))
        {
            var path = text[1..];
            if (!File.Exists(path))
            {
                throw new CliException($"{option} {text}: no such file.");
            }

            text = File.ReadAllText(path);
        }

        try
        {
            using var document = JsonDocument.Parse(text);
            return document.RootElement.Clone();
        }
        catch (JsonException exception)
        {
            throw new CliException($"{option} is not valid JSON: {exception.Message} (quote it for the shell, e.g. {option} '{{\"orderId\": 1}}', or give @file.json).");
        }
    }
}
