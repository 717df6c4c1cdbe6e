namespace ExtensibilityHost.Api.Tests;

/// <summary>The host as an operator starts it, with a setting out of range.</summary>
public sealed class StartupTests : IDisposable
{
    private readonly DirectoryInfo _data = Directory.CreateTempSubdirectory("exthost-startup-");

    [Fact]
    public async Task Start_SettingOutOfRange_ExitsWithOneLineNamingItAndNoStackTrace()
    {
        var (exitCode, output, error) = await HostProcess.RunUntilExitAsync(
            _data.FullName, new() { ["ExtensibilityHost__Caching__PollInterval"] = "00:00:05" });

        Assert.Equal(Program.ExitCodeConfigurationError, exitCode);
        Assert.Equal(
            "Configuration error: ExtensibilityHost:Caching:PollInterval must be between 00:00:00.010 and 00:00:01 (it bounds how stale another node's change may be).",
            error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    [Fact]
    public async Task Start_SettingOfTheWrongType_ExitsWithOneLineNamingItAndNoStackTrace()
    {
        var (exitCode, output, error) = await HostProcess.RunUntilExitAsync(
            _data.FullName, new() { ["ExtensibilityHost__OutboundHttp__MaxUrlBytes"] = "abc" });

        Assert.Equal(Program.ExitCodeConfigurationError, exitCode);
        Assert.Equal(
            "Configuration error: Failed to convert configuration value 'abc' at 'ExtensibilityHost:OutboundHttp:MaxUrlBytes' to type 'System.Int32'.",
            error.Trim());
        Assert.DoesNotContain("   at ", output + error, StringComparison.Ordinal);
    }

    public void Dispose()
    {
        Microsoft.Data.Sqlite.SqliteConnection.ClearAllPools();
        _data.Delete(recursive: true);
    }
}
