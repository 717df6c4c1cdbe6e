using System.Diagnostics;
using System.Net.Http.Headers;
using System.Net.Sockets;
using ExtensibilityHost.Core.Tenants;

namespace ExtensibilityHost.Api.Tests;

/// <summary>The host's own build (<c>ExtensibilityHost.Api.dll</c> beside the tests) as a child process on a free loopback port.</summary>
internal sealed class HostProcess : IDisposable
{
    private readonly Process _process;
    private readonly Uri _address;

    private HostProcess(Process process, Uri address)
    {
        _process = process;
        _address = address;
    }

    public static async Task<HostProcess> StartAsync(string dataDirectory, string adminKey, Dictionary<string, string> settings)
    {
        var port = FreePort();
        var process = Process.Start(StartInfo(dataDirectory, adminKey, port, settings))!;
        process.OutputDataReceived += (_, _) => { };
        process.ErrorDataReceived += (_, _) => { };
        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        var host = new HostProcess(process, new Uri($"http://127.0.0.1:{port}"));
        using var probe = new HttpClient { BaseAddress = host._address };
        for (var attempt = 0; attempt < 600; attempt++)
        {
            Assert.False(process.HasExited, $"the host exited with {(process.HasExited ? process.ExitCode : 0)} while starting");
            try
            {
                using var ready = await probe.GetAsync("/health/ready", TestContext.Current.CancellationToken);
                if (ready.IsSuccessStatusCode)
                {
                    return host;
                }
            }
            catch (HttpRequestException)
            {
                // Not listening yet.
            }

            await Task.Delay(100, TestContext.Current.CancellationToken);
        }

        host.Dispose();
        throw new TimeoutException("the host did not become ready within 60 s");
    }

    /// <summary>Runs the host until it exits by itself (a start it refuses), at most 60 s: its exit code and what it wrote.</summary>
    public static async Task<(int ExitCode, string Output, string Error)> RunUntilExitAsync(string dataDirectory, Dictionary<string, string> settings)
    {
        using var process = Process.Start(StartInfo(dataDirectory, ApiKeySecret.Generate().Key, FreePort(), settings))!;
        var output = process.StandardOutput.ReadToEndAsync(TestContext.Current.CancellationToken);
        var error = process.StandardError.ReadToEndAsync(TestContext.Current.CancellationToken);
        using var timeout = CancellationTokenSource.CreateLinkedTokenSource(TestContext.Current.CancellationToken);
        timeout.CancelAfter(TimeSpan.FromSeconds(60));
        try
        {
            await process.WaitForExitAsync(timeout.Token);
        }
        finally
        {
            if (!process.HasExited)
            {
                process.Kill(entireProcessTree: true);
            }
        }

        return (process.ExitCode, await output, await error);
    }

    public HttpClient Client(string key)
    {
        var client = new HttpClient { BaseAddress = _address };
        client.DefaultRequestHeaders.Authorization = new AuthenticationHeaderValue("Bearer", key);
        return client;
    }

    /// <summary>SIGKILL: no shutdown, no flush.</summary>
    /// <remarks>
    /// To the host's process alone, which starts none of its own: collecting a process tree reads
    /// every process of the machine first, and the requests in flight would finish meanwhile.
    /// </remarks>
    public void Kill()
    {
        _process.Kill();
        _process.WaitForExit();
    }

    public void Dispose()
    {
        if (!_process.HasExited)
        {
            _process.Kill(entireProcessTree: true);
            _process.WaitForExit();
        }

        _process.Dispose();
    }

    private static ProcessStartInfo StartInfo(string dataDirectory, string adminKey, int port, Dictionary<string, string> settings)
    {
        var start = new ProcessStartInfo("dotnet", [Path.Combine(AppContext.BaseDirectory, "ExtensibilityHost.Api.dll")])
        {
            WorkingDirectory = dataDirectory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
        };
        start.Environment["EXTHOST_DATA_DIR"] = dataDirectory;
        start.Environment["EXTHOST_ADMIN_KEY"] = adminKey;
        start.Environment["ASPNETCORE_URLS"] = $"http://127.0.0.1:{port}";
        foreach (var (name, value) in settings)
        {
            start.Environment[name] = value;
        }

        return start;
    }

    private static int FreePort()
    {
        using var listener = new TcpListener(IPAddress.Loopback, 0);
        listener.Start();
        return ((IPEndPoint)listener.LocalEndpoint).Port;
    }
}
