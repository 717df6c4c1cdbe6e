using ExtensibilityHost.Core.Storage;
using Microsoft.Extensions.Configuration;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Tests.Storage;

/// <summary>
/// Binding, defaults and start-up validation of <see cref="StorageOptions"/> as
/// <c>AddComponentStorage</c> registers them, built with the options factory from those registrations.
/// </summary>
public sealed class StorageOptionsTests
{
    private const string DevelopmentStorage = "UseDevelopmentStorage=true";

    [Fact]
    public void AddComponentStorage_NoConfiguration_UsesBlobsUnderTheDataDirectory()
    {
        var configuration = Configuration(new() { ["ExtensibilityHost:DataDirectory"] = "/srv/exthost" });

        var options = Build(configuration);

        Assert.Equal(StorageProvider.FileSystem, options.Provider);
        Assert.Equal(Path.Combine(ServiceCollectionExtensions.DataDirectory(configuration), "blobs"), options.FileSystemRoot);
        Assert.Equal("components", options.AzureContainer);
    }

    [Fact]
    public void AddComponentStorage_AzureBlobConfigured_BindsTheSection()
    {
        var options = Build(Configuration(new()
        {
            ["ExtensibilityHost:Storage:Provider"] = "AzureBlob",
            ["ExtensibilityHost:Storage:AzureConnectionString"] = DevelopmentStorage,
            ["ExtensibilityHost:Storage:AzureContainer"] = "tenant-components",
        }));

        Assert.Equal(StorageProvider.AzureBlob, options.Provider);
        Assert.Equal(DevelopmentStorage, options.AzureConnectionString);
        Assert.Equal("tenant-components", options.AzureContainer);
    }

    [Fact]
    public void AddComponentStorage_AzureBlobWithoutConnectionString_FailsValidation()
    {
        var exception = Assert.Throws<OptionsValidationException>(() => Build(Configuration(new() { ["ExtensibilityHost:Storage:Provider"] = "AzureBlob" })));

        Assert.Contains("AzureConnectionString is required", exception.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void AddAzureBlobStorage_ConnectionStringGiven_SelectsAzureBlob()
    {
        var options = Build(Configuration(new()), builder => builder.AddAzureBlobStorage(options => options.AzureConnectionString = DevelopmentStorage));

        Assert.Equal(StorageProvider.AzureBlob, options.Provider);
        Assert.Equal(DevelopmentStorage, options.AzureConnectionString);
    }

    [Theory]
    [InlineData("AccountName=x;nonsense")]
    [InlineData("not a connection string")]
    public void Validate_MalformedConnectionString_Fails(string connectionString)
    {
        var result = new StorageOptionsValidator().Validate(null, Azure(connectionString, "components"));

        Assert.True(result.Failed);
        Assert.Contains("not a storage account connection string", result.FailureMessage, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("ab")]
    [InlineData("-components")]
    [InlineData("components-")]
    [InlineData("comp--onents")]
    [InlineData("Components")]
    [InlineData("comp_onents")]
    public void Validate_InvalidContainerName_Fails(string container)
    {
        var result = new StorageOptionsValidator().Validate(null, Azure(DevelopmentStorage, container));

        Assert.True(result.Failed);
        Assert.Contains("AzureContainer", result.FailureMessage, StringComparison.Ordinal);
    }

    [Fact]
    public void Validate_ValidAzureOptions_Succeeds()
    {
        var result = new StorageOptionsValidator().Validate(null, Azure(
            "DefaultEndpointsProtocol=https;AccountName=exthost;AccountKey=" + Convert.ToBase64String(new byte[64]) + ";EndpointSuffix=core.windows.net",
            "components-2"));

        Assert.True(result.Succeeded, result.FailureMessage);
    }

    [Fact]
    public void Validate_EmptyFileSystemRoot_Fails()
    {
        var result = new StorageOptionsValidator().Validate(null, new StorageOptions { FileSystemRoot = " " });

        Assert.True(result.Failed);
    }

    private static StorageOptions Azure(string connectionString, string container) => new()
    {
        Provider = StorageProvider.AzureBlob,
        AzureConnectionString = connectionString,
        AzureContainer = container,
    };

    private static IConfiguration Configuration(Dictionary<string, string?> values) =>
        new ConfigurationBuilder().AddInMemoryCollection(values).Build();

    /// <summary>Builds the options the way the container would, from what the registration added.</summary>
    private static StorageOptions Build(IConfiguration configuration, Action<ExtensibilityHostBuilder>? more = null)
    {
        var services = new ServiceCollection();
        var builder = new ExtensibilityHostBuilder(services).AddComponentStorage(configuration);
        more?.Invoke(builder);
        var factory = new OptionsFactory<StorageOptions>(
            Instances<IConfigureOptions<StorageOptions>>(services),
            Instances<IPostConfigureOptions<StorageOptions>>(services),
            services.Where(d => d.ServiceType == typeof(IValidateOptions<StorageOptions>))
                .Select(d => (IValidateOptions<StorageOptions>)Activator.CreateInstance(d.ImplementationType!)!)
                .ToList());
        Assert.Contains(services, d => d.ServiceType == typeof(IComponentStore));
        return factory.Create(Options.DefaultName);
    }

    private static List<T> Instances<T>(ServiceCollection services) =>
        services.Where(d => d.ServiceType == typeof(T)).Select(d => (T)d.ImplementationInstance!).ToList();
}
