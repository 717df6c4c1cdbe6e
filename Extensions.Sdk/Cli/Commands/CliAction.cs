using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Sdk.Client;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// Runs a command body and turns every failure into one message and a documented exit code
/// (docs/cli.md): never a stack trace, and never exit 1, which means a command-line usage error.
/// With <c>--json</c> the message is a JSON object on standard error:
/// <c>{"error": {"message", "exitCode", "problem"?}}</c>.
/// </summary>
internal static class CliAction
{
    public static async Task<int> RunAsync(TextWriter error, Func<Task<int>> body, bool json = false)
    {
        try
        {
            return await body();
        }
        catch (Exception exception) when (exception is not OperationCanceledException || exception.InnerException is TimeoutException)
        {
            var (message, exitCode, problem) = Describe(exception);
            if (json)
            {
                var document = new JsonObject { ["message"] = message, ["exitCode"] = exitCode };
                if (problem is not null)
                {
                    document["problem"] = JsonSerializer.SerializeToNode(problem.Document);
                }

                await error.WriteLineAsync(new JsonObject { ["error"] = document }.ToJsonString(CliJson.Line));
            }
            else
            {
                await error.WriteLineAsync($"ext: {message}");
            }

            return exitCode;
        }
    }

    private static (string Message, int ExitCode, ExtensibilityHostProblem? Problem) Describe(Exception exception) => exception switch
    {
        CliException cli => (cli.Message, cli.ExitCode, null),
        AuthenticationFailedException refused => (
            $"the host refused the key ({Summary(refused.Problem)}). Check --key or EXTHOST_KEY, or run 'ext login' again.",
            ExitCodes.NotSignedIn, refused.Problem),
        PermissionDeniedException denied => (
            $"this key may not do that ({Summary(denied.Problem)}): a tenant key acts on its own tenant only; reviews need an admin key.",
            ExitCodes.HostRefused, denied.Problem),
        ComponentRejectedException rejected => (
            $"the host refused the component ({Summary(rejected.Problem)})"
                + string.Concat(rejected.Problems.Select(p => $"{Environment.NewLine}  - {p.Code}{(p.Subject.Length == 0 ? "" : " " + p.Subject)}: {p.Message}")),
            ExitCodes.HostRefused, rejected.Problem),
        ExtensibilityHostException host => ($"the host refused: {Summary(host.Problem)}", ExitCodes.HostRefused, host.Problem),
        HttpRequestException unreachable => (
            $"cannot reach the host: {unreachable.Message} Is it running, and is --host (or EXTHOST_URL, or the profile of 'ext login') its address?",
            ExitCodes.Unreachable, null),
        OperationCanceledException => ("the host did not answer in time.", ExitCodes.Unreachable, null),
        IOException or UnauthorizedAccessException => (exception.Message, ExitCodes.InvalidInput, null),
        _ => ($"the sandbox failed: {exception.Message}", ExitCodes.HostError, null),
    };

    private static string Summary(ExtensibilityHostProblem problem) =>
        $"{problem.Status} {problem.Name}: {problem.Detail ?? problem.Title}";
}
