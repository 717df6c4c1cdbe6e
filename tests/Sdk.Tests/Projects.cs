namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// Tenant projects as a developer makes them: <c>ext init</c>, then <c>ext build</c> with the
/// machine's toolchains as test.sh set them up (Go from .tools; one Rust target directory with the
/// test guests, so std for wasm32-wasip1 is compiled once; the test guests' npm installation).
/// </summary>
internal static class Projects
{
    private static readonly Lock s_gate = new();
    private static bool s_configured;

    public static string RepositoryRoot => Path.GetFullPath(Path.Combine(Guests.Root, "..", ".."));

    /// <summary>Runs <c>ext init</c> and <c>ext build</c>; returns the project folder.</summary>
    public static async Task<string> InitAndBuildAsync(string parent, string language, string world, string name)
    {
        var project = Path.Combine(parent, name);
        var (initExit, _, initError) = await Ext.RunAsync("init", project, "--lang", language, "--world", world);
        Assert.True(initExit == ExitCodes.Ok, initError);

        // The templates pin the same npm packages as the test guests (InitCommandTests checks), so
        // the project uses their installation instead of downloading it again.
        File.CreateSymbolicLink(Path.Combine(project, "node_modules"), Path.Combine(Guests.Root, "node_modules"));
        UseToolchains();
        var (buildExit, _, buildError) = await Ext.RunAsync("build", project);
        Assert.True(buildExit == ExitCodes.Ok, $"ext build exited {buildExit}:\n{buildError}");
        return project;
    }

    /// <summary>
    /// Points the builds <c>ext build</c> starts (which inherit this process's environment) at the
    /// toolchains test.sh installed. Set once, to the same values, for the whole test process.
    /// </summary>
    public static void UseToolchains()
    {
        lock (s_gate)
        {
            if (s_configured)
            {
                return;
            }

            var goRoot = Environment.GetEnvironmentVariable("EXTHOST_GOROOT") ?? Path.Combine(RepositoryRoot, ".tools", "go", "root", "usr", "lib", "go-1.24");
            Environment.SetEnvironmentVariable("GO", Path.Combine(goRoot, "bin", "go"));
            Environment.SetEnvironmentVariable("GOROOT", goRoot);
            Environment.SetEnvironmentVariable("GOTOOLCHAIN", "local");
            Environment.SetEnvironmentVariable("GOPROXY", "off");
            Environment.SetEnvironmentVariable("GOCACHE", Path.Combine(Guests.Root, "out", ".go", "cache"));
            Environment.SetEnvironmentVariable("GOPATH", Path.Combine(Guests.Root, "out", ".go", "path"));
            Environment.SetEnvironmentVariable("CARGO_TARGET_DIR", Path.Combine(Guests.Root, "rust", "target"));
            s_configured = true;
        }
    }
}
