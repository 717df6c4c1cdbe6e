using System.CommandLine;
using System.Diagnostics;
using System.Globalization;
using System.Text.Json;
using ExtensibilityHost.Sdk.Cli.Project;

namespace ExtensibilityHost.Sdk.Cli.Commands;

/// <summary>
/// <c>ext build [dir]</c>: runs the project's build (<c>ext.json</c>'s <c>build</c>, <c>./build.sh</c> in
/// projects of <c>ext init</c>: the language's compiler, then the component), then the host's upload
/// check on what it wrote. The build's own output goes to standard error.
/// </summary>
internal static class BuildCommand
{
    public static Command Create(TextWriter output, TextWriter error)
    {
        var directory = new Argument<string>("dir") { Description = "The project folder (default: this folder).", DefaultValueFactory = _ => "." };
        var json = new Option<bool>("--json") { Description = "Print one JSON object instead of text." };
        var check = new UploadCheck();
        var command = new Command("build", "Build the project's component (its ext.json says how), then check it as the host's upload does.") { directory, json };
        check.AddTo(command);
        command.SetAction((parse, cancellationToken) =>
        {
            var asJson = parse.GetValue(json);
            return CliAction.RunAsync(error, async () =>
            {
                var project = ProjectManifest.Require(parse.GetRequiredValue(directory), "give the project folder");
                var started = Stopwatch.GetTimestamp();
                await RunBuildAsync(project, error, cancellationToken);
                var elapsed = Stopwatch.GetElapsedTime(started);
                if (!File.Exists(project.OutputPath))
                {
                    throw new CliException(
                        $"'{project.Build}' succeeded but wrote no {project.Output}: make the build write it, or correct \"output\" in {ProjectManifest.FileName}.",
                        ExitCodes.BuildFailed);
                }

                var result = await check.RunAsync(parse, project.OutputPath, cancellationToken);
                if (asJson)
                {
                    var document = result.ToJson();
                    document["component"] = project.Name;
                    document["build"] = project.Build;
                    document["buildSeconds"] = Math.Round(elapsed.TotalSeconds, 1);
                    await output.WriteLineAsync(document.ToJsonString(CliJson.Indented));
                }
                else
                {
                    await output.WriteLineAsync(string.Create(CultureInfo.InvariantCulture, $"Built {project.Output} in {elapsed.TotalSeconds:0.0} s."));
                    await result.WriteTextAsync(output);
                }

                return result.ExitCode;
            }, asJson);
        });
        return command;
    }

    private static async Task RunBuildAsync(ProjectManifest project, TextWriter error, CancellationToken cancellationToken)
    {
        var start = new ProcessStartInfo("/bin/sh")
        {
            WorkingDirectory = project.Directory,
            RedirectStandardOutput = true,
            RedirectStandardError = true,
            ArgumentList = { "-c", project.Build },
        };

        using var process = new Process { StartInfo = start };
        var gate = new object();
        void Forward(object sender, DataReceivedEventArgs line)
        {
            if (line.Data is not null)
            {
                lock (gate)
                {
                    error.WriteLine(line.Data);
                }
            }
        }

        process.OutputDataReceived += Forward;
        process.ErrorDataReceived += Forward;
        try
        {
            process.Start();
        }
        catch (System.ComponentModel.Win32Exception exception)
        {
            throw new CliException($"cannot run the build '{project.Build}': {exception.Message}", ExitCodes.BuildFailed);
        }

        process.BeginOutputReadLine();
        process.BeginErrorReadLine();
        try
        {
            await process.WaitForExitAsync(cancellationToken);
        }
        catch (OperationCanceledException)
        {
            process.Kill(entireProcessTree: true);
            throw;
        }

        // The output events may still be draining after the exit; the parameterless wait flushes them.
        process.WaitForExit();
        if (process.ExitCode != 0)
        {
            throw new CliException(
                $"the build failed: '{project.Build}' exited with {process.ExitCode} (its output is above).", ExitCodes.BuildFailed);
        }
    }
}
