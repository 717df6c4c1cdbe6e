using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Storage;

/// <summary>
/// The validated name of a stored component binary, <c>{tenant}/{sha256}.wasm</c>: both parts are
/// checked before either becomes a path or a blob name.
/// </summary>
internal readonly record struct ComponentBlobName
{
    public const string Extension = ".wasm";

    private ComponentBlobName(string tenant, string sha256)
    {
        Tenant = tenant;
        Sha256 = sha256;
    }

    public string Tenant { get; }

    public string Sha256 { get; }

    /// <summary>The file name within the tenant's folder: <c>{sha256}.wasm</c>.</summary>
    public string FileName => Sha256 + Extension;

    /// <exception cref="ArgumentException">The tenant id or the hash is invalid.</exception>
    public static ComponentBlobName Of(string tenantId, string sha256) =>
        new(TenantId.Require(tenantId), ComponentHash.Require(sha256));

    /// <summary>Parses <c>{tenant}/{sha256}.wasm</c>; anything else (temporaries, foreign blobs) is not a component blob.</summary>
    public static bool TryParse(string name, out ComponentBlobName result)
    {
        var slash = name.IndexOf('/', StringComparison.Ordinal);
        if (slash < 0)
        {
            result = default;
            return false;
        }

        return TryParse(name[..slash], name[(slash + 1)..], out result);
    }

    /// <summary>Parses a file name <c>{sha256}.wasm</c> found in <paramref name="tenant"/>'s folder.</summary>
    public static bool TryParse(string tenant, string fileName, out ComponentBlobName result)
    {
        var sha256 = fileName.EndsWith(Extension, StringComparison.Ordinal) ? fileName[..^Extension.Length] : null;
        if (TenantId.IsValid(tenant) && ComponentHash.IsValid(sha256))
        {
            result = new ComponentBlobName(tenant, sha256!);
            return true;
        }

        result = default;
        return false;
    }

    public override string ToString() => $"{Tenant}/{FileName}";
}
