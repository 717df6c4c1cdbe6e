namespace ExtensibilityHost.Core.Tests.Runtime;

[CollectionDefinition(Name)]
public sealed class OutboundHttpCollection : ICollectionFixture<OutboundHttpFixture>
{
    public const string Name = "outbound-http";
}
