namespace ExtensibilityHost.Sdk.Client;

/// <summary>Where the host is and how to authenticate to it.</summary>
public sealed class ExtensibilityHostClientOptions
{
    /// <summary>The host's base address, e.g. <c>https://extensions.example.com</c>.</summary>
    public Uri? BaseAddress { get; set; }

    /// <summary>An API key: a tenant key (acts on its tenant) or an admin key. Sent as <c>Authorization: Bearer</c>.</summary>
    public string? ApiKey { get; set; }

    /// <summary>
    /// How long one request may take in all, retries included (default 100 s): uploads of large
    /// components and extension calls with long deadlines need more than a typical API call.
    /// </summary>
    public TimeSpan RequestTimeout { get; set; } = TimeSpan.FromSeconds(100);
}
