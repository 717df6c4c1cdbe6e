using System.Collections.Immutable;
using ExtensibilityHost.Core.Components;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class WorldConformanceTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private const string EventExtension = "saas:extensibility/event-extension@1.0.0";

    private ConformanceResult CheckWat(string wat)
    {
        using var component = Component.FromText(fixture.Engine, wat);
        return WorldConformance.Check(new ComponentInspector(fixture.Engine).Inspect(component), WorldCatalog.Default);
    }

    [Fact]
    public void Check_EventHandlerImportingOnlyLogging_ConformsToEventExtension()
    {
        var result = CheckWat(TestComponents.EventHandler(TestComponents.LoggingImportDeclaration));

        Assert.True(result.Conforms);
        Assert.Equal([EventExtension], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_EventHandlerImportingTypeOnlyTypesInterface_Conforms()
    {
        var result = CheckWat(TestComponents.EventHandler("""
            (import "saas:extensibility/types@1.0.0" (instance
              (type $failure (record (field "code" string) (field "message" string)))
              (export "failure" (type (eq $failure)))))
            """));

        Assert.True(result.Conforms);
    }

    [Fact]
    public void Check_ImportOfUnknownInterface_ReportsProblemNamingIt()
    {
        var result = CheckWat(TestComponents.EventHandler("""
            (import "acme:evil/network@1.0.0" (instance
              (export "connect" (func (param "host" string) (result u32)))))
            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConformanceProblem.UnknownImport, problem.Code);
        Assert.Equal("acme:evil/network@1.0.0", problem.Subject);
        Assert.Contains("'acme:evil/network@1.0.0'", problem.Message, StringComparison.Ordinal);
        Assert.False(result.Conforms);
    }

    [Fact]
    public void Check_ImportOfUnknownInterface_StillReportsTheImplementedWorld()
    {
        var result = CheckWat(TestComponents.EventHandler("""(import "acme:evil/network@1.0.0" (instance))"""));

        Assert.Equal([EventExtension], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_ImportedFunctionWithWrongSignature_ReportsMismatch()
    {
        var result = CheckWat(TestComponents.EventHandler("""
            (import "saas:extensibility/logging@1.0.0" (instance
              (export "log" (func (param "level" u32) (param "message" string)))))
            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConformanceProblem.ImportSignatureMismatch, problem.Code);
        Assert.Equal("saas:extensibility/logging@1.0.0#log", problem.Subject);
        Assert.Contains("func(level: u32, message: string)", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ImportedFunctionTheHostLacks_ReportsMissingFunction()
    {
        var result = CheckWat(TestComponents.EventHandler("""
            (import "saas:extensibility/config@1.0.0" (instance
              (export "list" (func (result (list string))))))
            """));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConformanceProblem.MissingImportFunction, problem.Code);
        Assert.Equal("saas:extensibility/config@1.0.0#list", problem.Subject);
    }

    [Fact]
    public void Check_TopLevelFunctionImport_ReportsUnsupportedKind()
    {
        var result = CheckWat(TestComponents.EventHandler("""(import "now" (func (result u64)))"""));

        var problem = Assert.Single(result.Problems);
        Assert.Equal(ConformanceProblem.UnsupportedImportKind, problem.Code);
        Assert.Equal("now", problem.Subject);
    }

    [Fact]
    public void Check_ComponentExportingNothingUseful_ReportsNoWorld()
    {
        var result = CheckWat(TestComponents.ApiExport);

        Assert.Empty(result.Worlds);
        Assert.Equal(ConformanceProblem.NoWorld, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Check_ComponentExportingNothingUseful_ListsWhatEachWorldExpects()
    {
        var message = CheckWat(TestComponents.ApiExport).Problems.Single().Message;

        Assert.Contains("'saas:extensibility/event-extension@1.0.0' expects 'saas:extensibility/event-handler@1.0.0'", message, StringComparison.Ordinal);
        Assert.Contains("'saas:extensibility/point-extension@1.0.0' expects 'saas:extensibility/extension-point@1.0.0'", message, StringComparison.Ordinal);
        Assert.Contains("'acme:shop/pricing-extension@1.0.0' expects 'acme:shop/pricing@1.0.0'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExportedHandlerWithWrongResult_MatchesNoWorldAndSaysWhy()
    {
        var description = Describe(
            exports: [Instance("saas:extensibility/event-handler@1.0.0", Func("handle", WitType.U32, ("event", WitType.String)))]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.Empty(result.Worlds);
        Assert.Contains("exports handle as func(event: string) -> u32", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExportedHandlerMissingFunction_MatchesNoWorld()
    {
        var description = Describe(exports: [Instance("saas:extensibility/event-handler@1.0.0")]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.Empty(result.Worlds);
    }

    [Fact]
    public void Check_ExtensionPointWithAllHostImports_ConformsToPointExtension()
    {
        var catalog = WorldCatalog.Default;
        var description = Describe(
            imports: [.. catalog.HostInterfaces.Select(Instance)],
            exports: [Instance(SaasExtensibilityWorlds.ExtensionPoint)]);

        var result = WorldConformance.Check(description, catalog);

        Assert.True(result.Conforms);
        Assert.Equal(["saas:extensibility/point-extension@1.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_PricingExtension_ConformsToPricingWorld()
    {
        var description = Describe(
            imports: [Instance(SaasExtensibilityWorlds.Logging)],
            exports: [Instance(AcmeShopWorlds.Pricing)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.Equal(["acme:shop/pricing-extension@1.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_ComponentExportingTwoWorlds_MatchesBoth()
    {
        var description = Describe(exports: [Instance(SaasExtensibilityWorlds.EventHandler), Instance(SaasExtensibilityWorlds.ExtensionPoint)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.Equal(2, result.Worlds.Length);
    }

    [Fact]
    public void Check_ExportWithExtraFunctions_StillMatches()
    {
        var handler = SaasExtensibilityWorlds.EventHandler;
        var description = Describe(exports: [Instance(handler.Name, [.. handler.Functions, Func("version", WitType.String)])]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.True(result.Conforms);
    }

    [Fact]
    public void Check_NewerInterfaceVersion_IsUnknownImport()
    {
        var description = Describe(
            imports: [Instance("saas:extensibility/logging@1.1.0")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default);

        Assert.Equal(ConformanceProblem.UnknownImport, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Check_ApplicationRegisteredWorld_IsMatched()
    {
        var audit = InterfaceDefinition.Create("acme:audit/sink@2.0.0", Func("record", null, ("line", WitType.String)));
        var catalog = new WorldCatalog([.. WorldCatalog.Default.Worlds, new WorldDefinition("acme:audit/auditor@2.0.0", [], [audit])]);

        var result = WorldConformance.Check(Describe(exports: [Instance(audit)]), catalog);

        Assert.Equal(["acme:audit/auditor@2.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void WorldCatalog_DefaultHostInterfaces_AreTheSaasImports()
    {
        Assert.Equal(
            [
                "saas:extensibility/config@1.0.0",
                "saas:extensibility/key-value@1.0.0",
                "saas:extensibility/logging@1.0.0",
                "saas:extensibility/types@1.0.0",
            ],
            WorldCatalog.Default.HostInterfaces.Select(i => i.Name));
    }

    [Fact]
    public void WorldCatalog_SameInterfaceDefinedDifferently_Throws()
    {
        var other = InterfaceDefinition.Create(SaasExtensibilityWorlds.Logging.Name, Func("log", null, ("message", WitType.String)));

        Assert.Throws<ArgumentException>(() => new WorldCatalog([.. WorldCatalog.Default.Worlds, new WorldDefinition("x:y/z@1.0.0", [other], [])]));
    }

    private static ComponentDescription Describe(ImmutableArray<ComponentItem> imports = default, ImmutableArray<ComponentItem> exports = default) =>
        new() { Imports = imports.IsDefault ? [] : imports, Exports = exports.IsDefault ? [] : exports };

    private static ComponentItem Instance(InterfaceDefinition definition) => Instance(definition.Name, definition.Functions);

    private static ComponentItem Instance(string name, params ImmutableArray<WitFunction> functions) =>
        new() { Name = name, Kind = ComponentItemKind.Instance, Functions = functions.IsDefault ? [] : functions };

    private static WitFunction Func(string name, WitType? result, params ReadOnlySpan<(string Name, WitType Type)> parameters) =>
        new(name, ComponentFunctionSignature.Of(result, parameters));
}
