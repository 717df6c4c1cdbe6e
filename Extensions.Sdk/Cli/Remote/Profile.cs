using System.Text.Json;

namespace ExtensibilityHost.Sdk.Cli.Remote;

/// <summary>
/// What <c>ext login</c> remembers: the host, the key and who the key is. One JSON file, readable
/// only by its owner (mode 600), at <c>$EXTHOST_PROFILE</c>, else
/// <c>$XDG_CONFIG_HOME/exthost/profile.json</c>, else <c>~/.config/exthost/profile.json</c>.
/// </summary>
internal sealed record Profile(Uri Host, string Key, string? Tenant, bool Admin, string KeyName)
{
    /// <summary>Overrides where the profile is kept.</summary>
    public const string PathVariable = "EXTHOST_PROFILE";

    private static readonly JsonSerializerOptions s_json = new(JsonSerializerDefaults.Web) { WriteIndented = true };

    public static string PathOf()
    {
        if (Environment.GetEnvironmentVariable(PathVariable) is { Length: > 0 } configured)
        {
            return Path.GetFullPath(configured);
        }

        var root = Environment.GetEnvironmentVariable("XDG_CONFIG_HOME") is { Length: > 0 } xdg
            ? xdg
            : Path.Combine(Environment.GetFolderPath(Environment.SpecialFolder.UserProfile), ".config");
        return Path.Combine(root, "exthost", "profile.json");
    }

    /// <summary>The saved profile, or null when there is none.</summary>
    public static Profile? Load()
    {
        var path = PathOf();
        if (!File.Exists(path))
        {
            return null;
        }

        try
        {
            return JsonSerializer.Deserialize<Profile>(File.ReadAllText(path), s_json)
                ?? throw new JsonException("the file is empty");
        }
        catch (JsonException exception)
        {
            throw new CliException($"{path} is not a profile ext login wrote ({exception.Message}): run 'ext login' again.", ExitCodes.NotSignedIn);
        }
    }

    /// <summary>Writes the profile; the file is created with mode 600 before the key is written into it.</summary>
    public string Save()
    {
        var path = PathOf();
        Directory.CreateDirectory(Path.GetDirectoryName(path)!);
        var options = new FileStreamOptions { Mode = FileMode.Create, Access = FileAccess.Write };
        if (!OperatingSystem.IsWindows())
        {
            options.UnixCreateMode = UnixFileMode.UserRead | UnixFileMode.UserWrite;
        }

        using (var stream = new FileStream(path, options))
        {
            JsonSerializer.Serialize(stream, this, s_json);
        }

        if (!OperatingSystem.IsWindows())
        {
            // UnixCreateMode applies only to a new file: an existing one keeps its mode otherwise.
            File.SetUnixFileMode(path, UnixFileMode.UserRead | UnixFileMode.UserWrite);
        }

        return path;
    }

    /// <summary>Deletes the saved profile; whether there was one.</summary>
    public static bool Delete()
    {
        var path = PathOf();
        if (!File.Exists(path))
        {
            return false;
        }

        File.Delete(path);
        return true;
    }
}
