using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Versions;
using ExtensibilityHost.Sdk.Cli.Project;
using ExtensibilityHost.Sdk.Cli.Remote;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext publish [file] [--component name]</c>: uploads the component as the next version (progress
/// for large files on standard error) and prints the version and its review status. Refusals print
/// the host's problems, one per line.
/// </summary>
internal static class PublishCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var file = new Argument<string?>("file") { Description = "The component, or a project folder (default: the project in this folder).", Arity = ArgumentArity.ZeroOrOne };
        var component = new Option<string?>("--component") { Description = "The component's name at the host (default: the project's name, else the file's name)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var connection = new ConnectionOptions();
        var command = new Command("publish", "Upload the component as its next version; an admin reviews it before it runs.") { file, component, json };
        connection.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var (path, defaultName) = LocalCall.Resolve(parse.GetValue(file));
                var name = parse.GetValue(component) ?? defaultName;
                if (!ComponentName.IsValid(name))
                {
                    throw new CliException($"'{name}' is not a component name: it must be {ComponentName.Rule}. Pass --component.");
                }

                if (!File.Exists(path))
                {
                    throw new CliException($"{path}: no such file{(parse.GetValue(file) is null ? " (run 'ext build' first)" : "")}.");
                }

                using var remote = connection.Resolve(parse);
                var tenant = await remote.TenantAsync(cancellationToken);
                // Component text is uploaded as the binary it stands for (what validate and test ran).
                await using Stream content = path.EndsWith(".wat", StringComparison.OrdinalIgnoreCase)
                    ? new MemoryStream(await ComponentFile.ReadAsync(path, cancellationToken))
                    : File.OpenRead(path);
                var progress = asJson ? null : new UploadProgress(error, content.Length);
                var upload = await remote.Client.Components.UploadAsync(tenant, name, content, progress, cancellationToken);
                progress?.Done();
                await WriteAsync(output, asJson, upload);
                return ExitCodes.Ok;
            }, asJson);
        });
        return command;
    }

    private static async Task WriteAsync(TextWriter output, bool asJson, ComponentUpload upload)
    {
        var version = upload.Version;
        if (asJson)
        {
            await output.WriteLineAsync(new JsonObject
            {
                ["tenant"] = version.Tenant,
                ["component"] = version.Component,
                ["version"] = version.Version,
                ["id"] = version.Id.ToString(),
                ["status"] = version.Status,
                ["created"] = upload.Created,
                ["sha256"] = version.Sha256,
                ["sizeBytes"] = version.SizeBytes,
                ["worlds"] = new JsonArray([.. version.Worlds.Select(w => (JsonNode)w)]),
                ["wasi"] = new JsonArray([.. version.Wasi.Select(w => (JsonNode)w)]),
            }.ToJsonString(CliJson.Indented));
            return;
        }

        await output.WriteLineAsync(upload.Created
            ? $"Published {version.Component} v{version.Version} to tenant '{version.Tenant}': {version.Status}."
            : $"These bytes are already {version.Component} v{version.Version} of tenant '{version.Tenant}': {version.Status}.");
        await output.WriteLineAsync($"  id      {version.Id}");
        await output.WriteLineAsync($"  sha256  {version.Sha256}");
        await output.WriteLineAsync($"  size    {UploadCheck.Size(version.SizeBytes)}");
        await output.WriteLineAsync($"  world   {string.Join(", ", version.Worlds)}");
        await output.WriteLineAsync($"  wasi    {(version.Wasi.Count == 0 ? "(none)" : string.Join(", ", version.Wasi))}");
        if (version.Status == "pending")
        {
            await output.WriteLineAsync("An admin reviews it before it runs; 'ext status' shows the decision.");
        }
    }

    /// <summary>
    /// Upload progress on standard error: one updating line on a terminal, a line per quarter
    /// otherwise; nothing for files under 1 MiB. Reported synchronously from the sending loop.
    /// </summary>
    private sealed class UploadProgress(TextWriter error, long total) : IProgress<long>
    {
        private readonly bool _interactive = ReferenceEquals(error, Console.Error) && !Console.IsErrorRedirected;
        private int _lastQuarter;
        private bool _wrote;

        public void Report(long value)
        {
            if (total < 1024 * 1024)
            {
                return;
            }

            var percent = (int)(value * 100 / total);
            if (_interactive)
            {
                error.Write(string.Create(CultureInfo.InvariantCulture, $"\rUploading {UploadCheck.Size(value)} of {UploadCheck.Size(total)} ({percent}%)"));
                _wrote = true;
            }
            else if (percent / 25 > _lastQuarter)
            {
                _lastQuarter = percent / 25;
                error.WriteLine(string.Create(CultureInfo.InvariantCulture, $"Uploaded {UploadCheck.Size(value)} of {UploadCheck.Size(total)} ({percent}%)"));
            }
        }

        public void Done()
        {
            if (_wrote)
            {
                error.WriteLine();
            }
        }
    }
}
