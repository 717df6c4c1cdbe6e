using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// The host's upload check on a developer's machine (<c>validate</c>, and <c>build</c> after the
/// build): the size cap, then <see cref="ComponentValidator"/> — the code the host's upload runs —
/// with the host's worlds and a WASI allow-list. Both default to the host's defaults; a deployment
/// that configures others is matched with <c>--max-bytes</c>, <c>--wasi-allow</c> and <c>--no-wasi</c>.
/// </summary>
internal sealed class UploadCheck
{
    public Option<long> MaxBytes { get; } = new("--max-bytes")
    {
        Description = "The host's upload cap in bytes (the host's default: 32 MiB).",
        DefaultValueFactory = _ => new UploadOptions().MaxComponentBytes,
    };

    public Option<string[]> WasiAllow { get; } = new("--wasi-allow")
    {
        Description = "A WASI interface the host allows, e.g. wasi:cli/stdout (repeatable; default: the host's default allow-list).",
        AllowMultipleArgumentsPerToken = false,
    };

    public Option<bool> NoWasi { get; } = new("--no-wasi") { Description = "Check against a host with WASI turned off." };

    public void AddTo(Command command)
    {
        command.Options.Add(MaxBytes);
        command.Options.Add(WasiAllow);
        command.Options.Add(NoWasi);
    }

    public async Task<UploadCheckResult> RunAsync(ParseResult parse, string path, CancellationToken cancellationToken)
    {
        var bytes = await ComponentFile.ReadAsync(path, cancellationToken);
        var allowed = parse.GetValue(WasiAllow) is { Length: > 0 } list ? list : null;
        var wasi = new WasiPolicy(new WasiOptions { Enabled = !parse.GetValue(NoWasi), AllowedInterfaces = allowed });
        var maxBytes = parse.GetValue(MaxBytes);

        using var runtime = new LocalRuntime(fuel: false);
        var validation = await new ComponentValidator(runtime.Engine, WorldCatalog.Default, wasi).ValidateAsync(bytes, runtime.Cache, cancellationToken);
        List<(string Code, string Subject, string Message)> problems = [];
        if (bytes.Length > maxBytes)
        {
            problems.Add(("payload-too-large", path, string.Create(CultureInfo.InvariantCulture,
                $"{Size(bytes.Length)} is over the host's upload cap of {Size(maxBytes)}: make it smaller (a release build, fewer dependencies), or ask the operator for a higher ExtensibilityHost:Upload:MaxComponentBytes.")));
        }

        if (validation.LoadError is { } loadError)
        {
            problems.Add((loadError.Code, path, loadError.Message));
        }

        problems.AddRange(validation.Conformance?.Problems.Select(p => (p.Code, p.Subject, p.Message)) ?? []);

        var wasiImports = validation.Description?.Imports.Select(i => i.Name).Where(WasiInterfaces.IsWasi).Select(WasiInterfaces.Unversioned)
            .Distinct(StringComparer.Ordinal).Order(StringComparer.Ordinal).ToList() ?? [];
        return new UploadCheckResult(
            path, bytes.Length, maxBytes, ComponentHash.Of(bytes),
            [.. validation.Conformance?.Worlds.Select(w => w.Name) ?? []],
            validation.Description is { } description ? ContractVersion.Of(description) : null,
            wasiImports, problems);
    }

    public static string Size(long bytes) => bytes switch
    {
        >= 1024 * 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / (1024.0 * 1024):0.0} MiB"),
        >= 1024 => string.Create(CultureInfo.InvariantCulture, $"{bytes / 1024.0:0.0} KiB"),
        _ => string.Create(CultureInfo.InvariantCulture, $"{bytes} bytes"),
    };
}

/// <summary>What the upload check found.</summary>
internal sealed record UploadCheckResult(
    string File, long SizeBytes, long MaxBytes, string Sha256, IReadOnlyList<string> Worlds, string? ContractVersion, IReadOnlyList<string> Wasi,
    IReadOnlyList<(string Code, string Subject, string Message)> Problems)
{
    public bool Accepted => Problems.Count == 0;

    public int ExitCode => Accepted ? ExitCodes.Ok : ExitCodes.DoesNotConform;

    public JsonObject ToJson() => new()
    {
        ["file"] = File,
        ["accepted"] = Accepted,
        ["sizeBytes"] = SizeBytes,
        ["maxBytes"] = MaxBytes,
        ["sha256"] = Sha256,
        ["worlds"] = new JsonArray([.. Worlds.Select(w => (JsonNode)w)]),
        ["contractVersion"] = ContractVersion,
        ["wasi"] = new JsonArray([.. Wasi.Select(w => (JsonNode)w)]),
        ["problems"] = new JsonArray([.. Problems.Select(p => (JsonNode)new JsonObject { ["code"] = p.Code, ["subject"] = p.Subject, ["message"] = p.Message })]),
    };

    public async Task WriteTextAsync(TextWriter output)
    {
        await output.WriteLineAsync(Accepted
            ? $"{File}: the host's upload check accepts it"
            : $"{File}: the host's upload check would refuse it");
        await output.WriteLineAsync($"  world   {(Worlds.Count == 0 ? "(none)" : string.Join(", ", Worlds))}");
        await output.WriteLineAsync($"  targets {Core.Components.ContractVersion.Display(ContractVersion) ?? "(no saas:extensibility interface)"}");
        await output.WriteLineAsync($"  size    {UploadCheck.Size(SizeBytes)} of {UploadCheck.Size(MaxBytes)}");
        await output.WriteLineAsync($"  wasi    {(Wasi.Count == 0 ? "(none)" : string.Join(", ", Wasi))}");
        await output.WriteLineAsync($"  sha256  {Sha256}");
        foreach (var (code, subject, message) in Problems)
        {
            await output.WriteLineAsync(subject.Length == 0 ? $"  - {code}: {message}" : $"  - {code} {subject}: {message}");
        }
    }

    public string ToJsonString() => ToJson().ToJsonString(CliJson.Indented);
}
