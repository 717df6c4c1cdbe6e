using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Versions;

/// <summary>The contract version in the capability diff between a version and its component's active one.</summary>
public sealed class CapabilityDiffTests
{
    private const string Logging10 = """{"name":"saas:extensibility/logging@1.0.0","kind":"instance","functions":[{"name":"log","signature":"func(level: u8, message: string)"}]}""";
    private const string Outbound11 = """{"name":"saas:extensibility/outbound-http@1.1.0","kind":"instance","functions":[]}""";
    private const string Handler10 = """{"name":"saas:extensibility/event-handler@1.0.0","kind":"instance","functions":[]}""";
    private const string Handler11 = """{"name":"saas:extensibility/event-handler@1.1.0","kind":"instance","functions":[]}""";
    private const string AcmePricing = """{"name":"acme:shop/pricing@1.0.0","kind":"instance","functions":[]}""";

    private static ComponentVersion Version(int number, string imports, string exports) => new()
    {
        Id = Guid.CreateVersion7(),
        TenantId = "acme",
        ComponentId = Guid.Empty,
        ComponentName = "orders",
        Number = number,
        Sha256 = new string('0', 64),
        SizeBytes = 1,
        WorldsJson = "[]",
        ImportsJson = $"[{imports}]",
        ExportsJson = $"[{exports}]",
        CreatedAt = DateTime.UnixEpoch,
    };

    [Fact]
    public void Between_A11VersionAndA10ActiveVersion_SaysTheContractVersionChanged()
    {
        var active = Version(1, Logging10, Handler10);
        var candidate = Version(2, $"{Logging10},{Outbound11}", Handler11);

        var diff = CapabilityDiff.Between(candidate, active);

        Assert.Equal(("1.1.0", "1.0.0", true), (diff.ContractVersion, diff.ComparedContractVersion, diff.ContractVersionChanged));
        Assert.Equal(["saas:extensibility/outbound-http@1.1.0"], diff.AddedImports);
    }

    [Fact]
    public void Between_TwoVersionsOfTheSameContract_SaysNoChange()
    {
        var diff = CapabilityDiff.Between(Version(2, Logging10, Handler10), Version(1, "", Handler10));

        Assert.Equal(("1.0.0", "1.0.0", false), (diff.ContractVersion, diff.ComparedContractVersion, diff.ContractVersionChanged));
    }

    [Fact]
    public void Between_NoActiveVersion_HasTheVersionsContractAndNoChange()
    {
        var diff = CapabilityDiff.Between(Version(1, Logging10, Handler11), null);

        Assert.Equal(("1.1.0", null, false), (diff.ContractVersion, diff.ComparedContractVersion, diff.ContractVersionChanged));
    }

    [Fact]
    public void Between_AnOwnWorldVersionReplacingA10Version_SaysTheContractVersionChangedToNone()
    {
        var diff = CapabilityDiff.Between(Version(2, "", AcmePricing), Version(1, Logging10, Handler10));

        Assert.Equal((null, "1.0.0", true), (diff.ContractVersion, diff.ComparedContractVersion, diff.ContractVersionChanged));
    }
}
