using System.Security.Cryptography;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Serialized compiled components on disk, at <c>{directory}/{engine fingerprint}/{sha256}.cwasm</c>.
/// </summary>
/// <remarks>
/// Wasmtime trusts a serialized artifact completely (it is native code), so a file is loaded
/// only when its own SHA-256, written beside it after the artifact was complete, still matches.
/// Both files are written to a temporary name and renamed into place, so readers never see a
/// partial file; a missing, partial or corrupt artifact is deleted and rebuilt from the blob.
/// </remarks>
internal sealed class ArtifactCache
{
    /// <summary>No write takes this long: a temporary file this old was left by a process that died writing it.</summary>
    internal static readonly TimeSpan AbandonedAfter = TimeSpan.FromHours(1);

    private readonly string _directory;

    public ArtifactCache(string directory, string fingerprint)
    {
        _directory = Path.Combine(Path.GetFullPath(directory), fingerprint);
        SweepAbandoned(DateTime.UtcNow);
    }

    /// <summary>Deletes the temporary files of writes that never finished (a host killed while writing); returns how many.</summary>
    internal int SweepAbandoned(DateTime nowUtc)
    {
        if (!Directory.Exists(_directory))
        {
            return 0;
        }

        var deleted = 0;
        foreach (var file in Directory.EnumerateFiles(_directory, "*.tmp"))
        {
            try
            {
                if (nowUtc - File.GetLastWriteTimeUtc(file) > AbandonedAfter)
                {
                    File.Delete(file);
                    deleted++;
                }
            }
            catch (Exception exception) when (exception is IOException or UnauthorizedAccessException)
            {
                // Another node's sweep, or a file in use: the next start tries again.
            }
        }

        return deleted;
    }

    public string PathOf(string sha256) => Path.Combine(_directory, ComponentHash.Require(sha256) + ".cwasm");

    /// <summary>Loads the artifact for <paramref name="sha256"/>, or returns null when there is no intact one.</summary>
    public CompiledComponent? TryLoad(SandboxEngine engine, string sha256, out string? problem)
    {
        problem = null;
        var path = PathOf(sha256);
        var sumPath = path + ".sha256";
        if (!File.Exists(path) || !File.Exists(sumPath))
        {
            return null;
        }

        try
        {
            var expected = File.ReadAllText(sumPath).Trim();
            string actual;
            using (var stream = File.OpenRead(path))
            {
                actual = Convert.ToHexStringLower(SHA256.HashData(stream));
            }

            if (!string.Equals(expected, actual, StringComparison.Ordinal))
            {
                problem = "checksum mismatch";
                Delete(path);
                return null;
            }

            return engine.Wrap(sha256, Component.DeserializeFile(engine.Engine, path));
        }
        catch (Exception exception) when (exception is IOException or UnauthorizedAccessException or Wasmtime.WasmtimeException)
        {
            problem = exception.Message;
            Delete(path);
            return null;
        }
    }

    public void Store(string sha256, byte[] serialized)
    {
        var path = PathOf(sha256);
        Directory.CreateDirectory(_directory);
        WriteAtomically(path, serialized);
        WriteAtomically(path + ".sha256", System.Text.Encoding.ASCII.GetBytes(Convert.ToHexStringLower(SHA256.HashData(serialized))));
    }

    private static void WriteAtomically(string path, byte[] contents)
    {
        var temporary = $"{path}.{Environment.ProcessId}.{Guid.NewGuid():N}.tmp";
        try
        {
            using (var stream = new FileStream(temporary, FileMode.CreateNew, FileAccess.Write, FileShare.None, 81920, FileOptions.WriteThrough))
            {
                stream.Write(contents);
            }

            File.Move(temporary, path, overwrite: true);
        }
        finally
        {
            File.Delete(temporary);
        }
    }

    private static void Delete(string path)
    {
        File.Delete(path + ".sha256");
        File.Delete(path);
    }
}
