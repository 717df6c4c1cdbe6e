using System.CommandLine;
using System.Globalization;
using System.Text.Json;
using ExtensibilityHost.Sdk.Cli.Remote;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext logs [--follow]</c>: the tenant's recent invocations, oldest first, each with its guest log
/// lines; <c>--follow</c> keeps polling for new ones until interrupted. <c>--json</c> prints one
/// invocation per line (JSON lines).
/// </summary>
internal static class LogsCommand
{
    private const int PageLimit = 200;

    public static Command Create(TextWriter output, TextWriter error)
    {
        var scope = new ComponentScopeOptions();
        var outcome = new Option<string?>("--outcome") { Description = "Only this outcome: ok, guest-error, timeout, out-of-fuel, out-of-memory, trap or host-error." };
        var limit = new Option<int>("--limit", "-n") { Description = "How many recent invocations to show first.", DefaultValueFactory = _ => 20 };
        var follow = new Option<bool>("--follow", "-f") { Description = "Keep showing new invocations as they happen (Ctrl+C stops)." };
        var interval = new Option<int>("--interval-ms") { Description = "How often --follow asks the host.", DefaultValueFactory = _ => 1000 };
        var json = new Option<bool>("--json") { Description = "Print each invocation as one JSON object per line." };
        limit.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() is < 1 or > PageLimit)
            {
                result.AddError($"--limit is between 1 and {PageLimit}.");
            }
        });
        interval.Validators.Add(result =>
        {
            if (result.GetValueOrDefault<int>() < 100)
            {
                result.AddError("--interval-ms is at least 100.");
            }
        });
        var connection = new ConnectionOptions();
        var command = new Command("logs", "Show recent invocations of the tenant's extensions with their guest logs.")
        {
            outcome, limit, follow, interval, json,
        };
        scope.AddTo(command);
        connection.AddTo(command);
        connection.SetAction(command, json, error, async (parse, remote, tenant, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            var filter = new InvocationFilter
            {
                Component = scope.Resolve(parse),
                Outcome = parse.GetValue(outcome),
                Limit = parse.GetValue(limit),
            };
            var page = await remote.Client.Invocations.ListAsync(tenant, filter, cancellationToken);
            var seen = new Dictionary<Guid, DateTime>();
            var newest = await WriteAsync(output, asJson, page.Items, seen, null);
            if (!parse.GetValue(follow))
            {
                if (page.Items.Count == 0 && !asJson)
                {
                    await output.WriteLineAsync($"No invocations of tenant '{tenant}'{(filter.Component is null ? "" : $" component '{filter.Component}'")} yet.");
                }

                return ExitCodes.Ok;
            }

            try
            {
                while (true)
                {
                    await Task.Delay(parse.GetValue(interval), cancellationToken);
                    // Everything since the newest seen (inclusive: several may share its time), page by page.
                    List<InvocationInfo> items = [];
                    int? offset = 0;
                    do
                    {
                        var next = await remote.Client.Invocations.ListAsync(
                            tenant, filter with { From = newest, Limit = PageLimit, Offset = offset }, cancellationToken);
                        items.AddRange(next.Items);
                        offset = next.NextOffset;
                    }
                    while (offset is not null);

                    newest = await WriteAsync(output, asJson, items, seen, newest);
                }
            }
            catch (OperationCanceledException) when (cancellationToken.IsCancellationRequested)
            {
                return ExitCodes.Ok;
            }
        });
        return command;
    }

    /// <summary>
    /// Writes the invocations not seen yet, oldest first; returns the newest start time seen. Only
    /// the ids at that time are remembered: the next poll asks from it on.
    /// </summary>
    private static async Task<DateTime?> WriteAsync(
        TextWriter output, bool asJson, IReadOnlyList<InvocationInfo> items, Dictionary<Guid, DateTime> seen, DateTime? newest)
    {
        foreach (var invocation in items.OrderBy(i => i.StartedAt).ThenBy(i => i.Id))
        {
            if (!seen.TryAdd(invocation.Id, invocation.StartedAt))
            {
                continue;
            }

            newest = newest is null || invocation.StartedAt > newest ? invocation.StartedAt : newest;
            if (asJson)
            {
                await output.WriteLineAsync(JsonSerializer.Serialize(invocation, CliJson.Line));
                continue;
            }

            var version = invocation.Version is { } number ? $" v{number}" : "";
            await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture,
                $"{invocation.StartedAt.ToUniversalTime():yyyy-MM-dd HH:mm:ss.fff}Z  {invocation.Component}{version}  {invocation.Target}  ")
                + CallReport.Headline(invocation.Outcome, invocation.DurationMs, invocation.FuelConsumed, invocation.Trap, invocation.Error)
                + $"  {invocation.Id}");
            await CallReport.WriteLogsAsync(output, invocation.Logs.Select(l => (l.Source ?? "log", l.Level, l.Message)), invocation.LogsDropped, "    ");
        }

        foreach (var (id, startedAt) in seen)
        {
            if (startedAt < newest)
            {
                seen.Remove(id);
            }
        }

        await output.FlushAsync();
        return newest;
    }
}
