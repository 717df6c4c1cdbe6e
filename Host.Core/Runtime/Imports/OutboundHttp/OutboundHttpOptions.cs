using System.ComponentModel.DataAnnotations;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// Caps and switches of the <c>outbound-http</c> import (section <c>ExtensibilityHost:OutboundHttp</c>),
/// validated at start-up. Which origins a component may reach is not configuration but data that
/// admins manage per tenant and component (<see cref="OutboundOriginsEditor"/>); docs/outbound-http.md.
/// </summary>
public sealed class OutboundHttpOptions
{
    /// <summary>The configuration section these options bind to.</summary>
    public const string SectionName = "ExtensibilityHost:OutboundHttp";

    /// <summary>The methods a request may use when <see cref="AllowedMethods"/> is not configured.</summary>
    public static readonly IReadOnlyList<string> DefaultMethods = ["GET", "HEAD", "POST", "PUT", "PATCH", "DELETE"];

    /// <summary>
    /// Whether components may make requests at all. Off, the import stays linked (so components
    /// built against 1.1 still run) and every <c>fetch</c> is <c>err(forbidden)</c>, whatever the allow-lists say.
    /// </summary>
    public bool Enabled { get; set; } = true;

    /// <summary>
    /// The methods a request may use, a subset of <see cref="DefaultMethods"/>; <see langword="null"/>
    /// (not configured) means all of them.
    /// </summary>
    /// <remarks>Not initialised with the defaults: the configuration binder appends to a list, so a configured list would add to them instead of replacing them.</remarks>
    public IList<string>? AllowedMethods { get; set; }

    /// <summary>The longest request URL, in UTF-8 bytes.</summary>
    [Range(64, 64 * 1024)]
    public int MaxUrlBytes { get; set; } = 8 * 1024;

    /// <summary>
    /// The most header bytes (UTF-8, the <c>name: value</c> lines as the guest passes them) of a
    /// request, and roughly of a response (the handler counts response headers in whole KiB).
    /// </summary>
    [Range(256, 256 * 1024)]
    public int MaxHeaderBytes { get; set; } = 8 * 1024;

    /// <summary>The largest request body, in UTF-8 bytes.</summary>
    [Range(0, 16 * 1024 * 1024)]
    public int MaxRequestBodyBytes { get; set; } = 64 * 1024;

    /// <summary>The largest response body, in bytes: a longer one is <c>err(failed)</c>, read no further than the cap.</summary>
    [Range(0, 64 * 1024 * 1024)]
    public int MaxResponseBodyBytes { get; set; } = 1024 * 1024;

    /// <summary>
    /// The floor: with less of the call's deadline left than this, <c>fetch</c> answers
    /// <c>err(timeout)</c> without connecting (a request that cannot finish is not started).
    /// </summary>
    public TimeSpan MinimumTimeLeft { get; set; } = TimeSpan.FromMilliseconds(10);

    /// <summary>The longest one request may take even when the call's deadline leaves more time.</summary>
    public TimeSpan MaxRequestTimeout { get; set; } = TimeSpan.FromSeconds(30);

    /// <summary>
    /// How long opening a connection (name resolution, TCP, TLS) may take. Connections are opened
    /// by the handler's pool and outlive a request that gave up waiting, so this bounds them.
    /// </summary>
    public TimeSpan ConnectTimeout { get; set; } = TimeSpan.FromSeconds(10);

    /// <summary>
    /// Whether an allowed host <em>name</em> may resolve to a loopback, private, link-local or other
    /// non-public address. Off (the default), such an address is only reached when the allow-list
    /// names it literally (<c>http://10.0.0.5:8080</c>), so a name whose DNS an outsider controls
    /// cannot be pointed at the host's own network (DNS rebinding).
    /// </summary>
    public bool AllowNonPublicAddressesByName { get; set; }

    /// <summary>The most origins an admin may allow for one component.</summary>
    [Range(1, 1000)]
    public int MaxOriginsPerComponent { get; set; } = 32;

    /// <summary>The methods in force: <see cref="AllowedMethods"/>, or <see cref="DefaultMethods"/> when not configured.</summary>
    internal IReadOnlyList<string> Methods => AllowedMethods is { } configured ? [.. configured] : DefaultMethods;
}
