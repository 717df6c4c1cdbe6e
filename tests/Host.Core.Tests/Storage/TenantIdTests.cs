using ExtensibilityHost.Core.Storage;

namespace ExtensibilityHost.Core.Tests.Storage;

public sealed class TenantIdTests
{
    [Theory]
    [InlineData("ab")]
    [InlineData("acme")]
    [InlineData("acme-corp-2")]
    [InlineData("0day")]
    [InlineData("a-")]
    public void IsValid_LowercaseSlug_IsTrue(string value)
    {
        Assert.True(TenantId.IsValid(value));
        Assert.Equal(value, TenantId.Require(value));
    }

    [Fact]
    public void IsValid_SixtyThreeCharacters_IsTrue()
    {
        Assert.True(TenantId.IsValid(new string('a', TenantId.MaxLength)));
    }

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("a")]
    [InlineData("-acme")]
    [InlineData("Acme")]
    [InlineData("acme_corp")]
    [InlineData("acme.corp")]
    [InlineData("acme/x")]
    [InlineData("../x")]
    [InlineData("..")]
    [InlineData("acme\n")]
    [InlineData("acme ")]
    [InlineData("acmé")]
    public void IsValid_AnythingElse_IsFalse(string? value)
    {
        Assert.False(TenantId.IsValid(value));
    }

    [Fact]
    public void IsValid_SixtyFourCharacters_IsFalse()
    {
        Assert.False(TenantId.IsValid(new string('a', TenantId.MaxLength + 1)));
    }

    [Fact]
    public void Require_Invalid_ThrowsNamingTheValue()
    {
        var exception = Assert.Throws<ArgumentException>(() => TenantId.Require("../x"));

        Assert.Contains("'../x'", exception.Message, StringComparison.Ordinal);
    }
}
