using ExtensibilityHost.Sdk.Wit.Parsing;
using ExtensibilityHost.Sdk.Wit.Resolution;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.IO;

/// <summary>
/// Reads a WIT package from a directory the way WIT tooling does: the <c>*.wit</c> files of the directory
/// form the root package; each entry of its <c>deps/</c> folder is a dependency, a <c>.wit</c> file or a
/// directory of them (symbolic links are followed). Not part of the source generator, which reads the
/// compilation's additional files instead.
/// </summary>
public static class WitDirectory
{
    /// <summary>Parses the root package's files and its dependencies' files.</summary>
    /// <param name="directory">The package directory, e.g. <c>wit/examples/acme-shop</c>.</param>
    /// <returns>The parsed files, root package first, each directory's files in name order.</returns>
    /// <exception cref="WitParseException">A file does not follow the grammar.</exception>
    public static IReadOnlyList<WitFile> Parse(string directory)
    {
        var files = new List<WitFile>();
        AddDirectory(files, directory);
        var deps = Path.Combine(directory, "deps");
        if (Directory.Exists(deps))
        {
            foreach (var entry in Directory.GetFileSystemEntries(deps).OrderBy(e => e, StringComparer.Ordinal))
            {
                if (Directory.Exists(entry))
                {
                    AddDirectory(files, entry);
                }
                else if (entry.EndsWith(".wit", StringComparison.Ordinal))
                {
                    files.Add(WitParser.Parse(entry, File.ReadAllText(entry)));
                }
            }
        }

        return files;
    }

    /// <summary>Parses and resolves a package directory with its dependencies.</summary>
    /// <param name="directory">The package directory.</param>
    /// <returns>The resolution; check <see cref="WitResolution.Diagnostics"/>.</returns>
    /// <exception cref="WitParseException">A file does not follow the grammar.</exception>
    public static WitResolution Resolve(string directory) => WitResolver.Resolve(Parse(directory));

    private static void AddDirectory(List<WitFile> files, string directory)
    {
        foreach (var path in Directory.GetFiles(directory, "*.wit").OrderBy(p => p, StringComparer.Ordinal))
        {
            files.Add(WitParser.Parse(path, File.ReadAllText(path)));
        }
    }
}
