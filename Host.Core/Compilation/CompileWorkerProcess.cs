using System.Diagnostics;
using System.Text;

namespace ExtensibilityHost.Core.Compilation;

/// <summary>One compile worker: the child process, its pipes, and what the pool needs to decide whether to keep it.</summary>
internal sealed class CompileWorkerProcess : IDisposable
{
    /// <summary>The tail of the worker's standard error kept for the message when it fails.</summary>
    private const int ErrorTailChars = 4096;

    private readonly Process _process;
    private readonly Task<string> _errors;
    private volatile bool _killed;

    private CompileWorkerProcess(Process process)
    {
        _process = process;
        _errors = ReadTailAsync(process.StandardError);
    }

    /// <summary>Compilations this worker has answered.</summary>
    public int Compilations { get; private set; }

    /// <summary>The worker's resident memory after its last compilation, as it reported it.</summary>
    public long ResidentBytes { get; private set; }

    /// <summary>When the pool last took it back (<see cref="Stopwatch"/> timestamp).</summary>
    public long IdleSince { get; set; }

    /// <summary>Neither killed nor exited: it can take another compilation.</summary>
    public bool IsUsable => !_killed && !_process.HasExited;

    /// <summary>Starts a worker and sends it the engine settings; it builds its engine while the host prepares the first request.</summary>
    /// <exception cref="InvalidOperationException">The program could not be started.</exception>
    public static async Task<CompileWorkerProcess> StartAsync(CompileWorkerCommand command, byte[] engineSettings, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo(command.FileName)
        {
            RedirectStandardInput = true,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in command.Arguments)
        {
            start.ArgumentList.Add(argument);
        }

        // The host's build asks for the server GC (a heap per core); compiling needs the small one.
        start.Environment["DOTNET_gcServer"] = "0";

        // The worker compiles strangers' bytes and needs none of the host's settings: its secrets
        // (the admin key, connection strings, any ExtensibilityHost__ setting) stay out of its environment.
        foreach (var name in start.Environment.Keys.Where(IsHostSetting).ToList())
        {
            start.Environment.Remove(name);
        }

        Process process;
        try
        {
            process = Process.Start(start) ?? throw new InvalidOperationException($"The compile worker ({command.FileName}) did not start.");
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new InvalidOperationException($"The compile worker ({command.FileName}) could not be started: {exception.Message}", exception);
        }

        var worker = new CompileWorkerProcess(process);
        try
        {
            await CompileWorkerProtocol.WriteFrameAsync(process.StandardInput.BaseStream, engineSettings, cancellationToken);
            await process.StandardInput.BaseStream.FlushAsync(cancellationToken);
        }
        catch (IOException)
        {
            // It died at once; its first compilation reports why.
        }
        catch (OperationCanceledException)
        {
            worker.Dispose();
            throw;
        }

        return worker;
    }

    /// <summary>Sends <paramref name="bytes"/> and reads the answer.</summary>
    /// <exception cref="IOException">The worker exited (or was killed) before it answered.</exception>
    /// <exception cref="InvalidDataException">The worker answered something that is not a reply.</exception>
    public async Task<(CompileWorkerReply Reply, byte[] Artifact)> CompileAsync(ReadOnlyMemory<byte> bytes, CancellationToken cancellationToken)
    {
        var input = _process.StandardInput.BaseStream;
        await CompileWorkerProtocol.WriteFrameAsync(input, bytes, cancellationToken);
        await input.FlushAsync(cancellationToken);
        var output = _process.StandardOutput.BaseStream;
        var reply = CompileWorkerProtocol.DecodeReply(await CompileWorkerProtocol.ReadFrameAsync(output, cancellationToken));
        var artifact = await CompileWorkerProtocol.ReadFrameAsync(output, cancellationToken);
        Compilations++;
        ResidentBytes = reply.ResidentBytes;
        return (reply, artifact);
    }

    /// <summary>The worker's resident memory now, or null once it has exited.</summary>
    public long? ReadResidentBytes()
    {
        try
        {
            _process.Refresh();
            return _process.HasExited ? null : _process.WorkingSet64;
        }
        catch (InvalidOperationException)
        {
            return null;
        }
    }

    /// <summary>Kills the worker; its pipes end, so a pending read or write returns at once.</summary>
    public void Kill()
    {
        _killed = true;
        try
        {
            _process.Kill(entireProcessTree: true);
        }
        catch (InvalidOperationException)
        {
            // Already exited.
        }
    }

    /// <summary>How the worker ended, for an error message: its exit code and the end of its standard error.</summary>
    public async Task<string> DescribeExitAsync()
    {
        await _process.WaitForExitAsync(CancellationToken.None);
        var errors = await _errors;
        return $"exit code {_process.ExitCode}" + (errors.Length == 0 ? "" : $": {errors}");
    }

    /// <summary>Kills the worker and releases the process.</summary>
    public void Dispose()
    {
        Kill();
        _process.WaitForExit();
        _process.Dispose();
    }

    private static async Task<string> ReadTailAsync(StreamReader reader)
    {
        var tail = new StringBuilder();
        var buffer = new char[1024];
        int read;
        while ((read = await reader.ReadAsync(buffer)) > 0)
        {
            tail.Append(buffer, 0, read);
            if (tail.Length > ErrorTailChars)
            {
                tail.Remove(0, tail.Length - ErrorTailChars);
            }
        }

        return tail.ToString().Trim();
    }

    private static bool IsHostSetting(string name) =>
        name.StartsWith("ExtensibilityHost__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("ConnectionStrings__", StringComparison.OrdinalIgnoreCase)
        || name.StartsWith("EXTHOST_", StringComparison.OrdinalIgnoreCase);
}
