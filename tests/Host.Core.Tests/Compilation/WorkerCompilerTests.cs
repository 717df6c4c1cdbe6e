using System.Diagnostics;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Versions;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Compilation;

/// <summary>
/// The host's side of the compile worker against stand-in workers (shell commands) that hang or
/// die: what the budget and a failure look like, without a real compilation. The real worker and
/// real bombs run through the HTTP API in Host.Api.Tests (CompileBombTests).
/// </summary>
public sealed class WorkerCompilerTests : IDisposable
{
    private static readonly byte[] Component = WatText.ToBinary("(component)");

    private readonly SandboxEngine _engine = new(new RuntimeOptions { UsePoolingAllocator = false }, []);

    private static CancellationToken Cancellation => TestContext.Current.CancellationToken;

    [Fact]
    public async Task Compile_WorkerPastTheTimeBudget_IsKilledAndReportedAsTheTimeBudget()
    {
        var timeout = TimeSpan.FromMilliseconds(300);
        using var compiler = Compiler(Shell("cat > /dev/null"), new UploadOptions { CompileTimeout = timeout });
        var started = Stopwatch.GetTimestamp();

        var result = await compiler.CompileAsync(Component, Cancellation);

        var exceeded = Assert.IsType<CompileBudgetExceeded>(result.BudgetExceeded);
        Assert.Equal(CompileBudget.Time, exceeded.Budget);
        Assert.Equal(timeout, exceeded.Timeout);
        Assert.InRange(exceeded.Elapsed, timeout, TimeSpan.FromSeconds(10));
        Assert.InRange(Stopwatch.GetElapsedTime(started), timeout, TimeSpan.FromSeconds(10));
        Assert.Null(result.Compiled);
    }

    [Fact]
    public async Task Compile_WorkerThatDies_ThrowsWithItsExitCodeAndStandardError()
    {
        using var compiler = Compiler(Shell("echo 'worker broke' >&2; exit 3"), new UploadOptions());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => compiler.CompileAsync(Component, Cancellation));

        Assert.Contains("exit code 3", exception.Message, StringComparison.Ordinal);
        Assert.Contains("worker broke", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Compile_CallerGivesUp_ThrowsOperationCanceledAndKillsTheWorker()
    {
        var pidFile = Path.Combine(Path.GetTempPath(), $"exthost-worker-{Guid.NewGuid():N}.pid");
        using var compiler = Compiler(Shell($"echo $$ > {pidFile}; cat > /dev/null"), new UploadOptions());
        using var caller = CancellationTokenSource.CreateLinkedTokenSource(Cancellation);

        try
        {
            var compile = compiler.CompileAsync(Component, caller.Token);
            while (!File.Exists(pidFile) || new FileInfo(pidFile).Length == 0)
            {
                await Task.Delay(10, Cancellation);
            }

            await caller.CancelAsync();
            await Assert.ThrowsAnyAsync<OperationCanceledException>(() => compile);

            var pid = int.Parse(await File.ReadAllTextAsync(pidFile, Cancellation), System.Globalization.CultureInfo.InvariantCulture);
            Assert.Throws<ArgumentException>(() => Process.GetProcessById(pid));
        }
        finally
        {
            File.Delete(pidFile);
        }
    }

    [Fact]
    public async Task Compile_ProgramThatDoesNotExist_ThrowsNamingIt()
    {
        using var compiler = Compiler(new CompileWorkerCommand("/nonexistent/compile-worker", []), new UploadOptions());

        var exception = await Assert.ThrowsAsync<InvalidOperationException>(() => compiler.CompileAsync(Component, Cancellation));

        Assert.Contains("/nonexistent/compile-worker", exception.Message, StringComparison.Ordinal);
    }

    public void Dispose() => _engine.Dispose();

    private static CompileWorkerCommand Shell(string script)
    {
        Assert.SkipUnless(OperatingSystem.IsLinux() || OperatingSystem.IsMacOS(), "the stand-in workers are shell scripts");
        return new CompileWorkerCommand("/bin/sh", ["-c", script]);
    }

    private WorkerCompiler Compiler(CompileWorkerCommand command, UploadOptions options) =>
        new(_engine, command, Options.Create(options), NullLogger<WorkerCompiler>.Instance);
}
