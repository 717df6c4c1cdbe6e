using System.Text.Json.Nodes;
using Wasmtime.Components;
using HostType = ExtensibilityHost.Core.Components.WitType;

namespace ExtensibilityHost.Wit.Tests.Json;

/// <summary>
/// One value of a generated type with both of its generated conversions (the JSON form and the
/// component-value codec) and the host's WIT type of it, for the round trips in <see cref="JsonRoundTripTests"/>.
/// </summary>
internal sealed record JsonSample(
    object Value,
    HostType Type,
    Func<object, JsonNode?> ToJson,
    Func<JsonNode?, object> FromJson,
    Func<object, ComponentValue> ToComponent,
    Func<ComponentValue, object> FromComponent)
{
    public static JsonSample Of<T>(
        T value, HostType type, Func<T, JsonNode?> toJson, Func<JsonNode?, T> fromJson, Func<T, ComponentValue> toComponent, Func<ComponentValue, T> fromComponent)
        where T : notnull =>
        new(value, type, v => toJson((T)v), j => fromJson(j)!, v => toComponent((T)v), c => fromComponent(c)!);
}
