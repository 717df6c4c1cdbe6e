using Wasmtime;

namespace ExtensibilityHost.Core.Components;

/// <summary>
/// Why uploaded bytes cannot be used as a component, as a value with a stable
/// <see cref="Code"/> for problem responses and a <see cref="Message"/> that says what to fix.
/// </summary>
/// <param name="Code">
/// One of <see cref="Empty"/>, <see cref="Truncated"/>, <see cref="NotWasm"/>,
/// <see cref="CoreModule"/>, <see cref="UnsupportedVersion"/> or <see cref="InvalidComponent"/>.
/// </param>
/// <param name="Message">A sentence for the tenant developer: what is wrong and what to do.</param>
public sealed record ComponentLoadError(string Code, string Message)
{
    /// <summary>No bytes at all.</summary>
    public const string Empty = "empty";

    /// <summary>The bytes end before the binary does (cut-off upload or copy).</summary>
    public const string Truncated = "truncated";

    /// <summary>Not a WebAssembly binary.</summary>
    public const string NotWasm = "not-wasm";

    /// <summary>A core WebAssembly module rather than a component.</summary>
    public const string CoreModule = "core-module";

    /// <summary>A WebAssembly binary of a version or layer this host does not read.</summary>
    public const string UnsupportedVersion = "unsupported-version";

    /// <summary>Looks like a component but Wasmtime rejected it.</summary>
    public const string InvalidComponent = "invalid-component";

    /// <summary>
    /// Turns Wasmtime's compile failure for bytes that passed <see cref="ComponentBinary.Check"/>
    /// into an error value: <see cref="Truncated"/> when the binary ends early, otherwise
    /// <see cref="InvalidComponent"/> carrying Wasmtime's reason on one line.
    /// </summary>
    /// <param name="exception">The exception thrown by <c>Component.FromBytes</c>.</param>
    /// <returns>The error value.</returns>
    public static ComponentLoadError FromCompileFailure(WasmtimeException exception)
    {
        ArgumentNullException.ThrowIfNull(exception);
        return FromCompileFailure(exception.Message);
    }

    /// <summary>As <see cref="FromCompileFailure(WasmtimeException)"/>, from the exception's message (a compile worker's answer).</summary>
    internal static ComponentLoadError FromCompileFailure(string message)
    {
        var reason = OneLine(message);
        return reason.Contains("unexpected end", StringComparison.OrdinalIgnoreCase)
            ? new ComponentLoadError(Truncated, $"The component binary ends too early ({reason}); upload the complete .wasm file.")
            : new ComponentLoadError(
                InvalidComponent,
                $"Wasmtime rejected the component: {reason}. Rebuild it against the published WIT package with current tooling " +
                "(cargo component / wit-bindgen, jco componentize) and validate it with `wasm-tools validate`.");
    }

    /// <summary>Joins Wasmtime's multi-line "…\n\nCaused by:\n    …" message into one line.</summary>
    private static string OneLine(string message)
    {
        var parts = message
            .Split('\n', StringSplitOptions.RemoveEmptyEntries | StringSplitOptions.TrimEntries)
            .Where(line => line != "Caused by:")
            .Select(line => line.TrimEnd(':'));
        return string.Join(": ", parts);
    }
}
