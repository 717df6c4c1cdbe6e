using ExtensibilityHost.Sdk.Wit.IO;
using ExtensibilityHost.Sdk.Wit.Resolution;
using ExtensibilityHost.Sdk.Wit.Syntax;
using HostType = ExtensibilityHost.Core.Components.WitType;

namespace ExtensibilityHost.Wit.Tests.Json;

/// <summary>
/// The host converter's <see cref="HostType"/> of a named WIT type, built from the same .wit files the
/// generator read, so the tests can run the host's <c>WitJson</c> on every generated type (the host
/// itself gets these types from compiled components, which only exist for a few of them).
/// </summary>
internal sealed class HostWitTypes(WitResolution resolution)
{
    public static HostWitTypes AcmeShop { get; } = new(WitDirectory.Resolve(RepositoryPaths.Wit("examples/acme-shop")));

    public static HostWitTypes KitchenSink { get; } = new(WitDirectory.Resolve(RepositoryPaths.Corpus("kitchen-sink")));

    /// <summary>The type <paramref name="name"/> of the interface <paramref name="qualifiedInterface"/>, e.g. <c>acme:shop/pricing@1.0.0</c>.</summary>
    public HostType Of(string qualifiedInterface, string name)
    {
        var item = resolution.Packages.SelectMany(p => p.Interfaces).Single(i => resolution.QualifiedName(i) == qualifiedInterface);
        return Convert(item.Types.Single(t => t.Name == name));
    }

    private HostType Convert(WitTypeDefinition definition) => definition switch
    {
        WitTypeAlias alias => Convert(alias.Target),
        WitRecord record => HostType.RecordOf([.. record.Fields.Select(f => (f.Name, Convert(f.Type)))]),
        WitVariant variant => HostType.VariantOf([.. variant.Cases.Select(c => (c.Name, c.Payload is null ? null : Convert(c.Payload)))]),
        WitEnum @enum => HostType.EnumOf([.. @enum.Cases.Select(c => c.Name)]),
        WitFlags flags => HostType.FlagsOf([.. flags.Flags.Select(f => f.Name)]),
        _ => throw new NotSupportedException($"{definition.Name} has no host type here"),
    };

    private HostType Convert(WitTypeRef type) => type switch
    {
        WitNamedType named => Convert(resolution.ResolveType(named)!),
        WitPrimitiveType primitive => primitive.Kind switch
        {
            WitPrimitiveKind.Bool => HostType.Bool,
            WitPrimitiveKind.S8 => HostType.S8,
            WitPrimitiveKind.S16 => HostType.S16,
            WitPrimitiveKind.S32 => HostType.S32,
            WitPrimitiveKind.S64 => HostType.S64,
            WitPrimitiveKind.U8 => HostType.U8,
            WitPrimitiveKind.U16 => HostType.U16,
            WitPrimitiveKind.U32 => HostType.U32,
            WitPrimitiveKind.U64 => HostType.U64,
            WitPrimitiveKind.F32 => HostType.F32,
            WitPrimitiveKind.F64 => HostType.F64,
            WitPrimitiveKind.Char => HostType.Char,
            _ => HostType.String,
        },
        WitListType list => HostType.ListOf(Convert(list.Element)),
        WitOptionType option => HostType.OptionOf(Convert(option.Inner)),
        WitResultType result => HostType.ResultOf(result.Ok is null ? null : Convert(result.Ok), result.Err is null ? null : Convert(result.Err)),
        WitTupleType tuple => HostType.TupleOf([.. tuple.Elements.Select(Convert)]),
        _ => throw new NotSupportedException($"{type.GetType().Name} has no host type here"),
    };
}
