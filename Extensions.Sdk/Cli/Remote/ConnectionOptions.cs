using System.CommandLine;
using System.Net.Http.Headers;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Cli.Remote;

/// <summary>
/// <c>--host</c>, <c>--key</c> and <c>--tenant</c> of the verbs that talk to a host. Each comes from
/// its flag, else its environment variable (<c>EXTHOST_URL</c>, <c>EXTHOST_KEY</c>,
/// <c>EXTHOST_TENANT</c>), else the profile <c>ext login</c> wrote. The profile's key is only ever
/// sent to the profile's host.
/// </summary>
internal sealed class ConnectionOptions
{
    public const string HostVariable = "EXTHOST_URL";
    public const string KeyVariable = "EXTHOST_KEY";
    public const string TenantVariable = "EXTHOST_TENANT";

    public Option<string?> Host { get; } = new("--host") { Description = $"The host's URL, e.g. https://extensions.example.com (default: ${HostVariable}, then the profile of 'ext login')." };

    public Option<string?> Key { get; } = new("--key") { Description = $"An API key of the host (default: ${KeyVariable}, then the profile of 'ext login')." };

    public Option<string?> Tenant { get; } = new("--tenant") { Description = $"The tenant to act on (default: ${TenantVariable}, the profile's, or the key's own tenant)." };

    public void AddTo(Command command)
    {
        command.Options.Add(Host);
        command.Options.Add(Key);
        command.Options.Add(Tenant);
    }

    /// <summary>
    /// Makes <paramref name="body"/> the command's action, run with the connection resolved and the
    /// tenant known, its failures reported as <see cref="Commands.CliAction"/> does (as JSON with <paramref name="json"/>).
    /// </summary>
    public void SetAction(Command command, Option<bool> json, TextWriter error, Func<ParseResult, Connection, string, CancellationToken, Task<int>> body) =>
        command.SetAction((parse, cancellationToken) => Commands.CliAction.RunAsync(error, async () =>
        {
            using var remote = Resolve(parse);
            return await body(parse, remote, await remote.TenantAsync(cancellationToken), cancellationToken);
        }, parse.GetValue(json)));

    /// <summary>The host and key to use; no network yet.</summary>
    public Connection Resolve(ParseResult parse)
    {
        var profile = Profile.Load();
        var hostText = parse.GetValue(Host) ?? NonEmpty(Environment.GetEnvironmentVariable(HostVariable));
        var host = hostText is null ? profile?.Host : ParseHost(hostText);
        if (host is null)
        {
            throw new CliException(
                $"no host to talk to: pass --host <url>, set {HostVariable}, or run 'ext login --host <url> --key <key>' once.", ExitCodes.NotSignedIn);
        }

        var sameHostAsProfile = profile is not null && SameHost(profile.Host, host);
        var key = parse.GetValue(Key) ?? NonEmpty(Environment.GetEnvironmentVariable(KeyVariable)) ?? (sameHostAsProfile ? profile!.Key : null);
        if (key is null)
        {
            throw new CliException(
                $"no API key for {host}: pass --key, set {KeyVariable}, or run 'ext login --host {host} --key <key>'.", ExitCodes.NotSignedIn);
        }

        var tenant = parse.GetValue(Tenant) ?? NonEmpty(Environment.GetEnvironmentVariable(TenantVariable))
            ?? (sameHostAsProfile && profile!.Key == key ? profile.Tenant : null);
        return new Connection(host, key, tenant);
    }

    public static Uri ParseHost(string text)
    {
        if (!Uri.TryCreate(text, UriKind.Absolute, out var uri) || uri.Scheme is not ("http" or "https") || !string.IsNullOrEmpty(uri.Query))
        {
            throw new CliException($"'{text}' is not a host URL: give its http(s) address, e.g. https://extensions.example.com or http://localhost:5000.");
        }

        return uri;
    }

    private static bool SameHost(Uri a, Uri b) => Uri.Compare(a, b, UriComponents.SchemeAndServer | UriComponents.Path, UriFormat.Unescaped, StringComparison.OrdinalIgnoreCase) == 0;

    private static string? NonEmpty(string? value) => string.IsNullOrEmpty(value) ? null : value;
}

/// <summary>A host, a key and (once known) the tenant: the typed client over one <see cref="HttpClient"/>.</summary>
internal sealed class Connection : IDisposable
{
    private readonly HttpClient _http;
    private string? _tenant;

    public Connection(Uri host, string key, string? tenant)
    {
        Host = host;
        _tenant = tenant;
        _http = new HttpClient
        {
            BaseAddress = host,
            // Uploads of large components and long extension calls; the host's own limits come first.
            Timeout = TimeSpan.FromMinutes(5),
        };
        _http.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        _http.DefaultRequestHeaders.UserAgent.Add(new ProductInfoHeaderValue("ext", typeof(Connection).Assembly.GetName().Version?.ToString(3) ?? "1.0.0"));
        Client = new ExtensibilityHostClient(_http);
    }

    public Uri Host { get; }

    public ExtensibilityHostClient Client { get; }

    /// <summary>The tenant to act on: given, or the key's own (asked of the host).</summary>
    public async Task<string> TenantAsync(CancellationToken cancellationToken)
    {
        if (_tenant is not null)
        {
            return _tenant;
        }

        var me = await Client.WhoAmIAsync(cancellationToken);
        return _tenant = me.Tenant ?? throw new CliException(
            $"the key '{me.KeyName}' is an admin key, which acts on any tenant: pass --tenant or set {ConnectionOptions.TenantVariable}.", ExitCodes.NotSignedIn);
    }

    public void Dispose() => _http.Dispose();
}
