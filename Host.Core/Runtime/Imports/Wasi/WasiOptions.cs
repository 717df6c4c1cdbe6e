namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>
/// Which WASI 0.2 interfaces components may import (section <c>ExtensibilityHost:Wasi</c>).
/// Validated at start-up; docs/wasi.md describes the policy.
/// </summary>
public sealed class WasiOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:Wasi";

    /// <summary>Links WASI at all. Off: every WASI import is refused at upload, and nothing of WASI is linked.</summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The interfaces allowed, without version (<c>wasi:cli/stdout</c>); <see langword="null"/>
    /// (not configured) means <see cref="WasiInterfaces.DefaultAllowed"/>. An upload importing
    /// another WASI interface is refused with a problem naming it.
    /// </summary>
    /// <remarks>Not initialised with the defaults: the configuration binder appends to a list, so a configured list would add to them instead of replacing them.</remarks>
    public IList<string>? AllowedInterfaces { get; set; }
}
