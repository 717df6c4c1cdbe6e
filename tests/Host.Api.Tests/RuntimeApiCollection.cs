namespace ExtensibilityHost.Api.Tests;

[CollectionDefinition(Name)]
public sealed class RuntimeApiCollection : ICollectionFixture<RuntimeApiFixture>
{
    public const string Name = "runtime-api";
}
