namespace ExtensibilityHost.Sdk.Tests;

/// <summary>
/// A clean slate for a test that runs <c>ext</c> against a host: a temporary folder, the profile
/// inside it (<c>EXTHOST_PROFILE</c>), and no <c>EXTHOST_URL</c>/<c>EXTHOST_KEY</c>/<c>EXTHOST_TENANT</c>
/// from the developer's shell. Only tests of <see cref="ExtRemoteCollection"/> (one at a time) use it.
/// </summary>
internal sealed class RemoteSession : IDisposable
{
    public static readonly string[] Variables = ["EXTHOST_URL", "EXTHOST_KEY", "EXTHOST_TENANT"];

    public RemoteSession()
    {
        Directory = System.IO.Directory.CreateTempSubdirectory("exthost-ext-").FullName;
        ProfilePath = Path.Combine(Directory, "config", "profile.json");
        Environment.SetEnvironmentVariable("EXTHOST_PROFILE", ProfilePath);
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }
    }

    public string Directory { get; }

    public string ProfilePath { get; }

    public void Dispose()
    {
        Environment.SetEnvironmentVariable("EXTHOST_PROFILE", null);
        foreach (var variable in Variables)
        {
            Environment.SetEnvironmentVariable(variable, null);
        }

        System.IO.Directory.Delete(Directory, recursive: true);
    }
}
