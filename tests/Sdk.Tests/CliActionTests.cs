using ExtensibilityHost.Sdk.Cli.Commands;

namespace ExtensibilityHost.Sdk.Tests;

/// <summary>Every failure of a command ends in one message and a documented exit code, never a stack trace.</summary>
public sealed class CliActionTests
{
    private static async Task<(int ExitCode, string Error)> RunAsync(Func<Task<int>> body)
    {
        using var error = new StringWriter();
        var exitCode = await CliAction.RunAsync(error, body);
        return (exitCode, error.ToString());
    }

    [Fact]
    public async Task RunAsync_InputProblem_IsItsExitCodeAndMessage()
    {
        var (exitCode, error) = await RunAsync(() => throw new CliException("x.wasm: no such file."));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Equal("ext: x.wasm: no such file.", error.Trim());
    }

    [Fact]
    public async Task RunAsync_FileSystemFailure_IsInvalidInputNotAUsageError()
    {
        var (exitCode, error) = await RunAsync(() => throw new IOException("disk unreadable"));

        Assert.Equal(ExitCodes.InvalidInput, exitCode);
        Assert.Contains("disk unreadable", error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task RunAsync_UnexpectedFailure_IsHostErrorWithoutAStackTrace()
    {
        var (exitCode, error) = await RunAsync(() => throw new InvalidOperationException("boom"));

        Assert.Equal(ExitCodes.HostError, exitCode);
        Assert.Equal("ext: the sandbox failed: boom", error.Trim());
    }
}
