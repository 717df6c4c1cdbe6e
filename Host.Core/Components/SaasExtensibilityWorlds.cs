namespace ExtensibilityHost.Core.Components;

/// <summary>
/// <c>saas:extensibility@1.0.0</c> (wit/saas-extensibility/extensibility.wit) and, in
/// <see cref="V1_1"/>, <c>@1.1.0</c> (wit/saas-extensibility-1.1) in C#: one line per WIT item.
/// A test compares these names and parameter names with the .wit files.
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

    /// <summary>
    /// <c>saas:extensibility@1.1.0</c>: 1.0 plus the <c>outbound-http</c> import and the event's
    /// <c>metadata</c>. The same host code serves both; a 1.0 handler gets the event without it.
    /// </summary>
    public static class V1_1
    {
        private const string Version = "1.1.0";

        /// <summary>The 1.1 <c>event</c>: 1.0's fields, then <c>metadata</c>.</summary>
        public static readonly WitType Event = WitType.RecordOf(
            ("id", WitType.String),
            ("event-type", WitType.String),
            ("tenant-id", WitType.String),
            ("occurred-at", WitType.U64),
            ("payload", WitType.String),
            ("metadata", WitType.RecordOf(("correlation-id", WitType.String), ("depth", WitType.U32))));

        private static readonly WitType Request = WitType.RecordOf(
            ("method", WitType.String), ("url", WitType.String), ("headers", WitType.String), ("body", WitType.String));

        private static readonly WitType Response = WitType.RecordOf(("status", WitType.U16), ("headers", WitType.String), ("body", WitType.String));

        private static readonly WitType HttpError = WitType.VariantOf(
            ("forbidden", WitType.String), ("invalid-request", WitType.String), ("timeout", null), ("failed", WitType.String));

        public static readonly InterfaceDefinition Types = Same(SaasExtensibilityWorlds.Types);

        public static readonly InterfaceDefinition Logging = Same(SaasExtensibilityWorlds.Logging);

        public static readonly InterfaceDefinition KeyValue = Same(SaasExtensibilityWorlds.KeyValue);

        public static readonly InterfaceDefinition Config = Same(SaasExtensibilityWorlds.Config);

        public static readonly InterfaceDefinition OutboundHttp = InterfaceDefinition.Create(
            Name("outbound-http"),
            Func("fetch", WitType.ResultOf(Response, HttpError), ("request", Request)));

        public static readonly InterfaceDefinition EventHandler = InterfaceDefinition.Create(
            Name("event-handler"),
            Func("handle", WitType.ResultOf(Decision, Failure), ("event", Event)));

        public static readonly InterfaceDefinition ExtensionPoint = Same(SaasExtensibilityWorlds.ExtensionPoint);

        public static readonly WorldDefinition EventExtension = new(
            Name("event-extension"),
            [Logging, KeyValue, Config, OutboundHttp, Types],
            [EventHandler]);

        public static readonly WorldDefinition PointExtension = new(
            Name("point-extension"),
            [Logging, KeyValue, Config, OutboundHttp, Types],
            [ExtensionPoint]);

        private static string Name(string item) => $"saas:extensibility/{item}@{Version}";

        /// <summary>A 1.0 interface unchanged in 1.1, under its 1.1 name.</summary>
        private static InterfaceDefinition Same(InterfaceDefinition v1) =>
            InterfaceDefinition.Create(Name(v1.Name[(v1.Name.IndexOf('/', StringComparison.Ordinal) + 1)..v1.Name.IndexOf('@', StringComparison.Ordinal)]), [.. v1.Functions]);
    }

    internal static WitFunction Func(string name, WitType? result, params ReadOnlySpan<(string Name, WitType Type)> parameters) =>
        new(name, ComponentFunctionSignature.Of(result, parameters));
}
