namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>Recognises the outbound-http interface among a component's imports, whatever its version.</summary>
public static class OutboundHttpImport
{
    private const string Prefix = "saas:extensibility/outbound-http@";

    /// <summary>Whether <paramref name="importName"/> is a version of <c>saas:extensibility/outbound-http</c> (reviewers look at it first: network access).</summary>
    public static bool Is(string importName)
    {
        ArgumentNullException.ThrowIfNull(importName);
        return importName.StartsWith(Prefix, StringComparison.Ordinal);
    }
}
