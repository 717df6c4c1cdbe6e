using System.Collections.Immutable;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;

namespace ExtensibilityHost.Core.Tests.Components;

public sealed class WorldConformanceTests(WasmtimeEngineFixture fixture) : IClassFixture<WasmtimeEngineFixture>
{
    private const string EventExtension = "saas:extensibility/event-extension@1.0.0";

    private ConformanceResult CheckWat(string wat)
    {
        using var component = Component.FromText(fixture.Engine, wat);
        return WorldConformance.Check(new ComponentInspector(fixture.Engine).Inspect(component), WorldCatalog.Default, WasiPolicy.Default);
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
    }

    [Fact]
    public void Check_ComponentExportingNothingUseful_ListsRegisteredDomainWorldsToo()
    {
        using var component = Component.FromText(fixture.Engine, TestComponents.ApiExport);
        var description = new ComponentInspector(fixture.Engine).Inspect(component);

        var message = WorldConformance.Check(description, AcmeShopWorlds.Catalog, WasiPolicy.Default).Problems.Single().Message;

        Assert.Contains("'acme:shop/pricing-extension@1.0.0' expects 'acme:shop/pricing@1.0.0'", message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExportedHandlerWithWrongResult_MatchesNoWorldAndSaysWhy()
    {
        var description = Describe(
            exports: [Instance("saas:extensibility/event-handler@1.0.0", Func("handle", WitType.U32, ("event", WitType.String)))]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.Empty(result.Worlds);
        Assert.Contains("exports handle as func(event: string) -> u32", result.Problems.Single().Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ExportedHandlerMissingFunction_MatchesNoWorld()
    {
        var description = Describe(exports: [Instance("saas:extensibility/event-handler@1.0.0")]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.Empty(result.Worlds);
    }

    [Fact]
    public void Check_ExtensionPointWithAllHostImports_ConformsToPointExtension()
    {
        var catalog = WorldCatalog.Default;
        var description = Describe(
            imports: [.. catalog.HostInterfaces.Select(Instance)],
            exports: [Instance(SaasExtensibilityWorlds.ExtensionPoint)]);

        var result = WorldConformance.Check(description, catalog, WasiPolicy.Default);

        Assert.True(result.Conforms);
        Assert.Equal(["saas:extensibility/point-extension@1.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_PricingExtension_ConformsToPricingWorldOnceRegistered()
    {
        var description = Describe(
            imports: [Instance(SaasExtensibilityWorlds.Logging)],
            exports: [Instance(AcmeShopWorlds.Pricing)]);

        var result = WorldConformance.Check(description, AcmeShopWorlds.Catalog, WasiPolicy.Default);

        Assert.Equal(["acme:shop/pricing-extension@1.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void Check_PricingExtension_MatchesNoWorldOfTheDefaultCatalog()
    {
        var description = Describe(
            imports: [Instance(SaasExtensibilityWorlds.Logging)],
            exports: [Instance(AcmeShopWorlds.Pricing)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.Equal(ConformanceProblem.NoWorld, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Check_AllowedWasiImports_Conform()
    {
        var description = Describe(
            imports: [Instance("wasi:cli/stdout@0.2.12"), Instance("wasi:io/streams@0.2.6"), Instance("wasi:filesystem/preopens@0.2.0")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.True(result.Conforms, string.Join(" ", result.Problems.Select(p => p.Message)));
    }

    [Fact]
    public void Check_WasiSocketsByDefault_IsWasiNotAllowedNamingTheInterface()
    {
        var description = Describe(
            imports: [Instance("wasi:cli/stdout@0.2.12"), Instance("wasi:sockets/tcp@0.2.12")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var problem = Assert.Single(WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default).Problems);

        Assert.Equal(ConformanceProblem.WasiNotAllowed, problem.Code);
        Assert.Equal("wasi:sockets/tcp@0.2.12", problem.Subject);
        Assert.Contains("'wasi:sockets/tcp@0.2.12', which this host does not allow", problem.Message, StringComparison.Ordinal);
        Assert.Contains("wasi:cli/stdout", problem.Message, StringComparison.Ordinal);
    }

    [Fact]
    public void Check_ConfiguredAllowList_RefusesWhatItOmits()
    {
        var policy = new WasiPolicy(new WasiOptions { AllowedInterfaces = ["wasi:cli/stdout", "wasi:io/streams"] });
        var description = Describe(
            imports: [Instance("wasi:cli/stdout@0.2.12"), Instance("wasi:io/streams@0.2.12"), Instance("wasi:filesystem/types@0.2.12")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var problem = Assert.Single(WorldConformance.Check(description, WorldCatalog.Default, policy).Problems);

        Assert.Equal(("wasi-not-allowed", "wasi:filesystem/types@0.2.12"), (problem.Code, problem.Subject));
    }

    [Fact]
    public void Check_WasiTurnedOff_RefusesEveryWasiImport()
    {
        var policy = new WasiPolicy(new WasiOptions { Enabled = false });
        var description = Describe(
            imports: [Instance("wasi:cli/stdout@0.2.12"), Instance("wasi:random/random@0.2.12")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var problems = WorldConformance.Check(description, WorldCatalog.Default, policy).Problems;

        Assert.Equal([ConformanceProblem.WasiNotAllowed, ConformanceProblem.WasiNotAllowed], problems.Select(p => p.Code));
        Assert.Contains("WASI is turned off", problems[0].Message, StringComparison.Ordinal);
    }

    [Theory]
    [InlineData("wasi:cli/stdout@0.3.0")]
    [InlineData("wasi:cli/stdout@0.1.0")]
    [InlineData("wasi:cli/stdout")]
    public void Check_WasiOutsideThe02Line_IsVersionUnsupported(string import)
    {
        var description = Describe(imports: [Instance(import)], exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var problem = Assert.Single(WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default).Problems);

        Assert.Equal((ConformanceProblem.WasiVersionUnsupported, import), (problem.Code, problem.Subject));
    }

    [Fact]
    public void Check_ComponentExportingTwoWorlds_MatchesBoth()
    {
        var description = Describe(exports: [Instance(SaasExtensibilityWorlds.EventHandler), Instance(SaasExtensibilityWorlds.ExtensionPoint)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.Equal(2, result.Worlds.Length);
    }

    [Fact]
    public void Check_ExportWithExtraFunctions_StillMatches()
    {
        var handler = SaasExtensibilityWorlds.EventHandler;
        var description = Describe(exports: [Instance(handler.Name, [.. handler.Functions, Func("version", WitType.String)])]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.True(result.Conforms);
    }

    [Fact]
    public void Check_NewerInterfaceVersion_IsUnknownImport()
    {
        var description = Describe(
            imports: [Instance("saas:extensibility/logging@1.2.0")],
            exports: [Instance(SaasExtensibilityWorlds.EventHandler)]);

        var result = WorldConformance.Check(description, WorldCatalog.Default, WasiPolicy.Default);

        Assert.Equal(ConformanceProblem.UnknownImport, Assert.Single(result.Problems).Code);
    }

    [Fact]
    public void Check_ApplicationRegisteredWorld_IsMatched()
    {
        var audit = InterfaceDefinition.Create("acme:audit/sink@2.0.0", Func("record", null, ("line", WitType.String)));
        var catalog = new WorldCatalog([.. WorldCatalog.Default.Worlds, new WorldDefinition("acme:audit/auditor@2.0.0", [], [audit])]);

        var result = WorldConformance.Check(Describe(exports: [Instance(audit)]), catalog, WasiPolicy.Default);

        Assert.Equal(["acme:audit/auditor@2.0.0"], result.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void WorldCatalog_Default_ServesOnlyThePlatformWorlds()
    {
        Assert.Equal(
            [
                "saas:extensibility/event-extension@1.0.0", "saas:extensibility/point-extension@1.0.0",
                "saas:extensibility/event-extension@1.1.0", "saas:extensibility/point-extension@1.1.0",
            ],
            WorldCatalog.Default.Worlds.Select(w => w.Name));
    }

    [Fact]
    public void WorldCatalog_DefaultHostInterfaces_AreTheSaasImports()
    {
        Assert.Equal(
            [
                "saas:extensibility/config@1.0.0",
                "saas:extensibility/config@1.1.0",
                "saas:extensibility/key-value@1.0.0",
                "saas:extensibility/key-value@1.1.0",
                "saas:extensibility/logging@1.0.0",
                "saas:extensibility/logging@1.1.0",
                "saas:extensibility/outbound-http@1.1.0",
                "saas:extensibility/types@1.0.0",
                "saas:extensibility/types@1.1.0",
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
