using System.CommandLine;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>--timeout-ms</c>, <c>--memory-mb</c>, <c>--fuel</c> and <c>--config</c> of the verbs that run a
/// call locally (<c>run</c>, <c>test</c>, <c>replay</c>): the host's default limits unless given.
/// </summary>
internal sealed class LimitOptions
{
    public LimitOptions()
    {
        Timeout.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() <= 0)
            {
                result.AddError("--timeout-ms must be a positive number of milliseconds.");
            }
        });
        Memory.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is <= 0 or > 4096)
            {
                result.AddError("--memory-mb must be between 1 and 4096.");
            }
        });
        Fuel.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<ulong?>() is 0)
            {
                result.AddError("--fuel must be positive.");
            }
        });
    }

    public Option<int> Timeout { get; } = new("--timeout-ms")
    {
        Description = "Wall-clock deadline in milliseconds (the host's default: 100).",
        DefaultValueFactory = _ => (int)SandboxLimits.Default.Timeout.TotalMilliseconds,
    };

    public Option<int> Memory { get; } = new("--memory-mb")
    {
        Description = "Linear memory limit in MiB (the host's default: 64).",
        DefaultValueFactory = _ => (int)(SandboxLimits.Default.MemoryBytes / (1024 * 1024)),
    };

    public Option<ulong?> Fuel { get; } = new("--fuel") { Description = "Fuel budget (deterministic instruction count)." };

    public Option<string[]> Config { get; } = new("--config") { Description = "A setting for the config import, as key=value (repeatable).", AllowMultipleArgumentsPerToken = false };

    public void AddTo(Command command)
    {
        command.Options.Add(Timeout);
        command.Options.Add(Memory);
        command.Options.Add(Fuel);
        command.Options.Add(Config);
    }

    public SandboxLimits Limits(ParseResult parse) => new()
    {
        Timeout = TimeSpan.FromMilliseconds(parse.GetValue(Timeout)),
        MemoryBytes = parse.GetValue(Memory) * 1024L * 1024,
        Fuel = parse.GetValue(Fuel),
    };

    /// <summary>The <c>--config</c> settings for the component of <paramref name="context"/>.</summary>
    public Core.Runtime.Imports.Config.InMemoryConfigSource Settings(ParseResult parse, InvocationContext context)
    {
        var source = new Core.Runtime.Imports.Config.InMemoryConfigSource();
        foreach (var setting in parse.GetValue(Config) ?? [])
        {
            var equals = setting.IndexOf('=', StringComparison.Ordinal);
            if (equals <= 0)
            {
                throw new CliException($"--config '{setting}' must be key=value.");
            }

            source.Set(context.TenantId, context.ComponentName, setting[..equals], setting[(equals + 1)..]);
        }

        return source;
    }
}
