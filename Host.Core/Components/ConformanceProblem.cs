namespace ExtensibilityHost.Core.Components;

/// <summary>One reason a component does not fit the worlds this host serves.</summary>
/// <param name="Code">
/// Stable code: <see cref="UnknownImport"/>, <see cref="UnsupportedImportKind"/>,
/// <see cref="MissingImportFunction"/>, <see cref="ImportSignatureMismatch"/>, <see cref="WasiNotAllowed"/>,
/// <see cref="WasiVersionUnsupported"/> or <see cref="NoWorld"/>.
/// </param>
/// <param name="Subject">The import, or import function (<c>interface#function</c>), concerned; empty for <see cref="NoWorld"/>.</param>
/// <param name="Message">What is wrong and what the host offers instead.</param>
public sealed record ConformanceProblem(string Code, string Subject, string Message)
{
    /// <summary>The component imports an interface the host does not provide.</summary>
    public const string UnknownImport = "unknown-import";

    /// <summary>The component imports something other than an interface instance (a bare function, module, resource…).</summary>
    public const string UnsupportedImportKind = "unsupported-import-kind";

    /// <summary>The component imports a function that the host's version of the interface does not have.</summary>
    public const string MissingImportFunction = "missing-import-function";

    /// <summary>The component imports a function with a different signature than the host provides.</summary>
    public const string ImportSignatureMismatch = "import-signature-mismatch";

    /// <summary>The component imports a WASI interface outside the deployment's allow-list (or WASI is off).</summary>
    public const string WasiNotAllowed = "wasi-not-allowed";

    /// <summary>The component imports a WASI version other than the 0.2 line the host serves.</summary>
    public const string WasiVersionUnsupported = "wasi-version-unsupported";

    /// <summary>The component's exports implement none of the worlds the host serves.</summary>
    public const string NoWorld = "no-world";
}
