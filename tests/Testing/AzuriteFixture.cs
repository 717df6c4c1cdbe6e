using System.Diagnostics;
using System.Net;
using System.Net.Sockets;
using Azure.Storage.Blobs;
using Xunit;

namespace ExtensibilityHost.Testing;

/// <summary>
/// A real Azurite blob service (tests/tools, installed by ./test.sh) on a free loopback port with
/// its data in a temporary folder; the process tree is killed and the folder deleted on dispose.
/// A missing Azurite fails the tests that need it: they never skip.
/// </summary>
public sealed class AzuriteFixture : IAsyncLifetime
{
    /// <summary>The emulator's well-known development account.</summary>
    private const string AccountName = "devstoreaccount1";

    private const string AccountKey = "Eby8vdM02xNOcqFlqUwJPLlmEtlCDXJ1OUzFT50uSRZ6IFsuFq2UVErCz4I6tq/K1SZFPTOtr/KBHBeksoGMGw==";

    private static readonly TimeSpan StartTimeout = TimeSpan.FromSeconds(30);

    private readonly List<string> _output = [];
    private Process? _process;
    private string? _location;

    public int Port { get; private set; }

    public string ConnectionString =>
        $"DefaultEndpointsProtocol=http;AccountName={AccountName};AccountKey={AccountKey};BlobEndpoint=http://127.0.0.1:{Port}/{AccountName};";

    /// <summary>How long Azurite took to answer on its port.</summary>
    public TimeSpan StartupTime { get; private set; }

    /// <summary>
    /// A client on the SDK's default service version, newer than Azurite accepts — hence
    /// <c>--skipApiVersionCheck</c>. Tests use it to reach behind the store's back; the store
    /// itself pins a version Azurite accepts and does not need the flag.
    /// </summary>
    public BlobServiceClient RawClient() => new(ConnectionString);

    public async ValueTask InitializeAsync()
    {
        var script = AzuriteScript();
        _location = Directory.CreateTempSubdirectory("exthost-azurite-").FullName;
        var started = Stopwatch.GetTimestamp();

        // A free port can be taken between probing and binding: try a few.
        for (var attempt = 1; ; attempt++)
        {
            Port = FreePort();
            _process = Start(script, Port, _location);
            if (await WaitUntilListeningAsync(_process, Port))
            {
                StartupTime = Stopwatch.GetElapsedTime(started);
                return;
            }

            await StopAsync();
            if (attempt == 3)
            {
                string output;
                lock (_output)
                {
                    output = string.Join(Environment.NewLine, _output.TakeLast(30));
                }

                throw new InvalidOperationException($"Azurite did not start listening on 127.0.0.1 within {StartTimeout.TotalSeconds:F0} s. Its output:{Environment.NewLine}{output}");
            }
        }
    }

    public async ValueTask DisposeAsync()
    {
        await StopAsync();
        if (_location is not null)
        {
            Directory.Delete(_location, recursive: true);
        }
    }

    private static string AzuriteScript()
    {
        for (var directory = new DirectoryInfo(AppContext.BaseDirectory); directory is not null; directory = directory.Parent)
        {
            var tools = Path.Combine(directory.FullName, "tests", "tools");
            if (File.Exists(Path.Combine(tools, "package.json")))
            {
                var script = Path.Combine(tools, "node_modules", ".bin", "azurite-blob");
                return File.Exists(script)
                    ? script
                    : throw new InvalidOperationException($"Azurite is not installed ({script} is missing): run ./test.sh, which runs npm ci in tests/tools.");
            }
        }

        throw new InvalidOperationException($"tests/tools not found above {AppContext.BaseDirectory}: run the tests from the repository (./test.sh).");
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }

    private Process Start(string script, int port, string location)
    {
        var start = new ProcessStartInfo("node")
        {
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            UseShellExecute = false,
        };
        foreach (var argument in new[]
        {
            script, "--blobHost", "127.0.0.1", "--blobPort", port.ToString(System.Globalization.CultureInfo.InvariantCulture),
            "--location", location, "--skipApiVersionCheck", "--silent", "--disableTelemetry",
        })
        {
            start.ArgumentList.Add(argument);
        }

        var process = new Process { StartInfo = start };
        process.OutputDataReceived += (_, e) => Keep(e.Data);
        process.ErrorDataReceived += (_, e) => Keep(e.Data);
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            process.Dispose();
            throw new InvalidOperationException("Could not start node for Azurite: Node.js 20 must be on PATH (./test.sh checks this).", exception);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        return process;
    }

    private void Keep(string? line)
    {
        if (line is null)
        {
            return;
        }

        lock (_output)
        {
            _output.Add(line);
        }
    }

    private static async Task<bool> WaitUntilListeningAsync(Process process, int port)
    {
        var deadline = Stopwatch.GetTimestamp() + (long)(StartTimeout.TotalSeconds * Stopwatch.Frequency);
        while (Stopwatch.GetTimestamp() < deadline && !process.HasExited)
        {
            using var client = new TcpClient();
            try
            {
                await client.ConnectAsync(IPAddress.Loopback, port);
                return true;
            }
            catch (SocketException)
            {
                await Task.Delay(50);
            }
        }

        return false;
    }

    private async Task StopAsync()
    {
        if (_process is null)
        {
            return;
        }

        try
        {
            if (!_process.HasExited)
            {
                _process.Kill(entireProcessTree: true);
            }

            await _process.WaitForExitAsync();
        }
        finally
        {
            _process.Dispose();
            _process = null;
        }
    }
}
