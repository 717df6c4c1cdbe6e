using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Core.Tests.Versions;

public sealed class UploadOptionsValidatorTests
{
    private static Microsoft.Extensions.Options.ValidateOptionsResult Validate(UploadOptions options) => new UploadOptionsValidator().Validate(null, options);

    [Fact]
    public void Validate_Defaults_Succeed() => Assert.True(Validate(new UploadOptions()).Succeeded);

    [Theory]
    [InlineData("00:00:00.500")]
    [InlineData("00:10:01")]
    public void Validate_CompileTimeoutOutOfRange_FailsNamingIt(string timeout)
    {
        var result = Validate(new UploadOptions { CompileTimeout = TimeSpan.Parse(timeout, System.Globalization.CultureInfo.InvariantCulture) });

        Assert.True(result.Failed);
        Assert.Contains("ExtensibilityHost:Upload:CompileTimeout", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_CompileMemoryBelowWhatAWorkerNeeds_FailsNamingIt()
    {
        var result = Validate(new UploadOptions { CompileMemoryBytes = 64L * 1024 * 1024 });

        Assert.True(result.Failed);
        Assert.Contains("ExtensibilityHost:Upload:CompileMemoryBytes", result.FailureMessage, StringComparison.Ordinal);
    }
}
