using ExtensibilityHost.Sdk.Wit.Parsing;
using ExtensibilityHost.Sdk.Wit.Syntax;

namespace ExtensibilityHost.Wit.Tests.Parsing;

/// <summary>The parser on the host's own contract, <c>wit/saas-extensibility/extensibility.wit</c>.</summary>
public sealed class ExtensibilityWitTests
{
    private static readonly string Path = RepositoryPaths.Wit("saas-extensibility/extensibility.wit");
    private readonly WitFile _file = WitParser.Parse(Path, File.ReadAllText(Path));

    [Fact]
    public void Parse_ExtensibilityWit_ReadsPackageNameAndVersion()
    {
        Assert.Equal("saas:extensibility@1.0.0", _file.PackageName!.ToString());
        Assert.Equal((1UL, 0UL, 0UL), (_file.PackageName.Version!.Major, _file.PackageName.Version.Minor, _file.PackageName.Version.Patch));
        Assert.Equal(8, _file.PackageLocation!.Line);
    }

    [Fact]
    public void Parse_ExtensibilityWit_FindsEveryInterfaceWorldAndFunction()
    {
        Assert.Equal(["types", "logging", "key-value", "config", "event-handler", "extension-point"], _file.Interfaces.Select(i => i.Name));
        Assert.Equal(["event-extension", "point-extension"], _file.Worlds.Select(w => w.Name));
        Assert.Equal(["get", "set", "delete"], Interface("key-value").Functions.Select(f => f.Name));
        Assert.Equal(["event", "decision", "failure"], Interface("types").Types.Select(t => t.Name));
        Assert.Equal(["logging", "key-value", "config"], _file.Worlds[0].Imports.Select(i => i.Path!.Name));
        Assert.Equal("event-handler", Assert.Single(_file.Worlds[0].Exports).Path!.Name);
    }

    [Fact]
    public void Parse_KeyValueSet_ReadsParametersAndResultWithoutOkPayload()
    {
        var set = Interface("key-value").Functions.Single(f => f.Name == "set");

        Assert.Equal(["key", "value"], set.Parameters.Select(p => p.Name));
        Assert.Equal(WitPrimitiveKind.U8, Assert.IsType<WitPrimitiveType>(Assert.IsType<WitListType>(set.Parameters[1].Type).Element).Kind);
        var result = Assert.IsType<WitResultType>(set.Result);
        Assert.Null(result.Ok);
        Assert.Equal(WitPrimitiveKind.String, Assert.IsType<WitPrimitiveType>(result.Err).Kind);
    }

    [Fact]
    public void Parse_EventHandler_ReadsUseNames()
    {
        var use = Assert.Single(Interface("event-handler").Uses);

        Assert.Equal("types", use.Path.Name);
        Assert.Null(use.Path.Package);
        Assert.Equal(["event", "decision", "failure"], use.Names.Select(n => n.LocalName));
    }

    [Fact]
    public void Parse_ExtensibilityWit_AttachesDocCommentsToEveryLevel()
    {
        var types = Interface("types");
        var @event = Assert.IsType<WitRecord>(types.Types[0]);
        var decision = Assert.IsType<WitVariant>(types.Types[1]);
        var level = Assert.IsType<WitEnum>(Interface("logging").Types[0]);

        Assert.StartsWith("The contract between ExtensibilityHost and tenant extensions.\n\nVersioned:", _file.PackageDocs, StringComparison.Ordinal);
        Assert.Equal("Shared data types of the event and extension-point worlds.", types.Docs);
        Assert.Equal("A domain event raised by the SaaS application and delivered to a tenant's extension.", @event.Docs);
        Assert.Equal("Unique id of this event; the same on every delivery attempt, so handlers can de-duplicate.", @event.Fields[0].Docs);
        Assert.Equal(
            "The event body as JSON text: as the application published it, or as an earlier\nsynchronous handler replaced it (asynchronous handlers see the final payload).",
            @event.Fields[4].Docs);
        Assert.Equal("Stop the operation; the publisher is told it was vetoed and receives this reason.", decision.Cases[1].Docs);
        Assert.Equal("Normal operational messages.", level.Cases[2].Docs);
        Assert.Equal("Removes `key`; removing a missing key is not an error.", Interface("key-value").Functions[2].Docs);
        Assert.Equal("A component that handles domain events.", _file.Worlds[0].Docs);
        Assert.All(_file.Interfaces.SelectMany(i => i.Functions), f => Assert.NotNull(f.Docs));
    }

    [Fact]
    public void Parse_ExtensibilityWit_LocatesItemsByLineAndColumn()
    {
        var kv = Interface("key-value");

        Assert.Equal((73, 11), (kv.Location.Line, kv.Location.Column));
        Assert.Equal((75, 3), (kv.Functions[0].Location.Line, kv.Functions[0].Location.Column));
    }

    private WitInterface Interface(string name) => _file.Interfaces.Single(i => i.Name == name);
}
