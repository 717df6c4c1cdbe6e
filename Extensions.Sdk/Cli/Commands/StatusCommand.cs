using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Sdk.Cli.Remote;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary><c>ext status [--component name]</c>: the tenant's components and every version with its review state and reason.</summary>
internal static class StatusCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var scope = new ComponentScopeOptions();
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var connection = new ConnectionOptions();
        var command = new Command("status", "Show the tenant's components and their versions' review state.") { json };
        scope.AddTo(command);
        connection.AddTo(command);
        connection.SetAction(command, json, error, async (parse, remote, tenant, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var only = scope.Resolve(parse);
            var components = await remote.Client.Components.ListAsync(tenant, cancellationToken);
            if (only is not null)
            {
                components = components.Where(c => c.Name == only).ToList();
                if (components.Count == 0)
                {
                    throw new CliException($"tenant '{tenant}' has no component '{only}' yet: 'ext publish' uploads it (or pass --all).", ExitCodes.HostRefused);
                }
            }

            var versions = new List<(ComponentInfo Component, List<VersionInfo> Versions)>();
            foreach (var item in components.OrderBy(c => c.Name, StringComparer.Ordinal))
            {
                versions.Add((item, await remote.Client.Components.ListVersionsAsync(tenant, item.Name, cancellationToken)));
            }

            if (asJson)
            {
                await output.WriteLineAsync(Json(tenant, versions).ToJsonString(CliJson.Indented));
            }
            else
            {
                await WriteTextAsync(output, tenant, versions);
            }

            return ExitCodes.Ok;
        });
        return command;
    }

    private static JsonObject Json(string tenant, List<(ComponentInfo Component, List<VersionInfo> Versions)> components) => new()
    {
        ["tenant"] = tenant,
        ["components"] = new JsonArray([.. components.Select(c => (JsonNode)new JsonObject
        {
            ["name"] = c.Component.Name,
            ["disabled"] = c.Component.Disabled,
            ["activeVersion"] = c.Component.ActiveVersion,
            ["versions"] = new JsonArray([.. c.Versions.Select(v => (JsonNode)new JsonObject
            {
                ["version"] = v.Version,
                ["id"] = v.Id.ToString(),
                ["status"] = v.Status,
                ["statusReason"] = v.StatusReason,
                ["sha256"] = v.Sha256,
                ["sizeBytes"] = v.SizeBytes,
                ["createdAt"] = v.CreatedAt,
                ["statusChangedAt"] = v.StatusChangedAt,
            })]),
        })]),
    };

    private static async Task WriteTextAsync(TextWriter output, string tenant, List<(ComponentInfo Component, List<VersionInfo> Versions)> components)
    {
        if (components.Count == 0)
        {
            await output.WriteLineAsync($"Tenant '{tenant}' has no components yet: 'ext publish' uploads one.");
            return;
        }

        await output.WriteLineAsync($"Tenant '{tenant}'");
        foreach (var (component, versions) in components)
        {
            var active = component.ActiveVersion is { } number ? $"v{number} active" : "no active version";
            await output.WriteLineAsync($"{component.Name}  ({active}{(component.Disabled ? ", disabled by an admin" : "")})");
            foreach (var version in versions.OrderByDescending(v => v.Version))
            {
                var line = string.Create(CultureInfo.InvariantCulture,
                    $"  v{version.Version,-4} {version.Status,-11} {version.CreatedAt:yyyy-MM-dd HH:mm}  {UploadCheck.Size(version.SizeBytes),-10} {version.Sha256[..12]}");
                await output.WriteLineAsync(version.StatusReason is { Length: > 0 } reason ? $"{line}  \"{reason}\"" : line);
            }
        }
    }
}
