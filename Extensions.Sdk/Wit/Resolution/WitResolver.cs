using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Sdk.Wit.Resolution;

/// <summary>
/// Resolves parsed WIT files into packages: groups the files of a directory into one package,
/// merges identical copies of a package, resolves <c>use</c> (with renames), imports, exports,
/// includes and type names across the interfaces of all packages, and reports unknown names,
/// duplicate names and cycles (in <c>use</c>, in <c>include</c> and in type definitions).
/// </summary>
public static class WitResolver
{
    /// <summary>Resolves files. Files in the same directory form one package, named by the file(s) that declare it.</summary>
    /// <param name="files">The parsed files, including dependencies (e.g. those under <c>deps/</c>).</param>
    /// <returns>The packages, what each name refers to, and the errors found.</returns>
    public static WitResolution Resolve(IEnumerable<WitFile> files)
    {
        if (files is null)
        {
            throw new ArgumentNullException(nameof(files));
        }

        return new WitResolverRun([.. files]).Run();
    }
}
