using System.CommandLine;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Sdk.Cli.Remote;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext login --host &lt;url&gt; --key &lt;key&gt;</c> (or <c>--key-stdin</c>): checks the key with the host
/// (<c>GET /api/v1/me</c>) and saves host, key and tenant in the profile (mode 600), so the other
/// verbs need neither. <c>ext logout</c> deletes it.
/// </summary>
internal static class LoginCommand
{
    public static Command Create(TextWriter output, TextWriter error, TextReader input)
    {
        var host = new Option<string?>("--host") { Description = $"The host's URL (default: ${ConnectionOptions.HostVariable})." };
        var key = new Option<string?>("--key") { Description = $"An API key of the host (default: ${ConnectionOptions.KeyVariable}). Prefer --key-stdin: a key on the command line stays in the shell's history." };
        var keyStdin = new Option<bool>("--key-stdin") { Description = "Read the key from standard input (e.g. from a secret store: pass show exthost | ext login --host … --key-stdin)." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("login", "Check an API key with the host and remember host, key and tenant for the other verbs.") { host, key, keyStdin, json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var hostText = parse.GetValue(host) ?? Environment.GetEnvironmentVariable(ConnectionOptions.HostVariable);
                if (string.IsNullOrEmpty(hostText))
                {
                    throw new CliException($"give the host: ext login --host <url> (or set {ConnectionOptions.HostVariable}).", ExitCodes.NotSignedIn);
                }

                var keyText = parse.GetValue(keyStdin)
                    ? (await input.ReadLineAsync(cancellationToken))?.Trim()
                    : parse.GetValue(key) ?? Environment.GetEnvironmentVariable(ConnectionOptions.KeyVariable);
                if (string.IsNullOrEmpty(keyText))
                {
                    throw new CliException($"give the key: --key-stdin, --key <key> or {ConnectionOptions.KeyVariable}. An admin issues tenant keys in the portal.", ExitCodes.NotSignedIn);
                }

                var uri = ConnectionOptions.ParseHost(hostText);
                using var connection = new Connection(uri, keyText, tenant: null);
                var me = await connection.Client.WhoAmIAsync(cancellationToken);
                var path = new Profile(uri, keyText, me.Tenant, me.Admin, me.KeyName).Save();
                if (asJson)
                {
                    await output.WriteLineAsync(new JsonObject
                    {
                        ["host"] = uri.ToString(),
                        ["admin"] = me.Admin,
                        ["tenant"] = me.Tenant,
                        ["keyName"] = me.KeyName,
                        ["keyId"] = me.KeyId?.ToString(),
                        ["profile"] = path,
                    }.ToJsonString(CliJson.Indented));
                }
                else
                {
                    var who = me.Admin ? $"admin key '{me.KeyName}' (pass --tenant to act on a tenant)" : $"key '{me.KeyName}' of tenant '{me.Tenant}'";
                    await output.WriteLineAsync($"Signed in to {uri} with {who}.");
                    await output.WriteLineAsync($"Saved to {path} (readable only by you). 'ext logout' deletes it.");
                }

                return ExitCodes.Ok;
            }, asJson);
        });
        return command;
    }

    public static Command CreateLogout(TextWriter output, TextWriter error)
    {
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var command = new Command("logout", "Delete the profile ext login saved (the key stays valid at the host; an admin revokes keys).") { json };
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var path = Profile.PathOf();
                var deleted = Profile.Delete();
                await output.WriteLineAsync(asJson
                    ? new JsonObject { ["profile"] = path, ["deleted"] = deleted }.ToJsonString(CliJson.Line)
                    : deleted ? $"Signed out: deleted {path}." : $"Not signed in: there is no {path}.");
                return ExitCodes.Ok;
            }, asJson);
        });
        return command;
    }
}
