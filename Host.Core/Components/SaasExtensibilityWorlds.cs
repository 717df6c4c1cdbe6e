namespace ExtensibilityHost.Core.Components;

/// <summary>
/// <c>saas:extensibility@1.0.0</c> (wit/saas-extensibility/extensibility.wit) in C#: one line per
/// WIT item. A test compares these names and parameter names with the .wit file.
/// </summary>
internal static class SaasExtensibilityWorlds
{
    private static readonly WitType Event = WitType.RecordOf(
        ("id", WitType.String),
        ("event-type", WitType.String),
        ("tenant-id", WitType.String),
        ("occurred-at", WitType.U64),
        ("payload", WitType.String));

    private static readonly WitType Decision = WitType.VariantOf(("proceed", null), ("veto", WitType.String), ("replace", WitType.String));

    private static readonly WitType Failure = WitType.RecordOf(("code", WitType.String), ("message", WitType.String));

    private static readonly WitType Level = WitType.EnumOf("trace", "debug", "info", "warn", "error");

    /// <summary>Type-only; imported implicitly by components whose exports <c>use</c> its types.</summary>
    public static readonly InterfaceDefinition Types = InterfaceDefinition.Create("saas:extensibility/types@1.0.0");

    public static readonly InterfaceDefinition Logging = InterfaceDefinition.Create(
        "saas:extensibility/logging@1.0.0",
        Func("log", null, ("level", Level), ("message", WitType.String)));

    public static readonly InterfaceDefinition KeyValue = InterfaceDefinition.Create(
        "saas:extensibility/key-value@1.0.0",
        Func("get", WitType.OptionOf(WitType.ListOf(WitType.U8)), ("key", WitType.String)),
        Func("set", WitType.ResultOf(null, WitType.String), ("key", WitType.String), ("value", WitType.ListOf(WitType.U8))),
        Func("delete", null, ("key", WitType.String)));

    public static readonly InterfaceDefinition Config = InterfaceDefinition.Create(
        "saas:extensibility/config@1.0.0",
        Func("get", WitType.OptionOf(WitType.String), ("key", WitType.String)));

    public static readonly InterfaceDefinition EventHandler = InterfaceDefinition.Create(
        "saas:extensibility/event-handler@1.0.0",
        Func("handle", WitType.ResultOf(Decision, Failure), ("event", Event)));

    public static readonly InterfaceDefinition ExtensionPoint = InterfaceDefinition.Create(
        "saas:extensibility/extension-point@1.0.0",
        Func("invoke", WitType.ResultOf(WitType.String, Failure), ("point", WitType.String), ("input", WitType.String)));

    public static readonly WorldDefinition EventExtension = new(
        "saas:extensibility/event-extension@1.0.0",
        [Logging, KeyValue, Config, Types],
        [EventHandler]);

    public static readonly WorldDefinition PointExtension = new(
        "saas:extensibility/point-extension@1.0.0",
        [Logging, KeyValue, Config, Types],
        [ExtensionPoint]);

    internal static WitFunction Func(string name, WitType? result, params ReadOnlySpan<(string Name, WitType Type)> parameters) =>
        new(name, ComponentFunctionSignature.Of(result, parameters));
}
