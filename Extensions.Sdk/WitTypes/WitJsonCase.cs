using System.ComponentModel;
using System.Text.Json.Nodes;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>The case of a variant read from JSON by <see cref="WitJsonValues.Case"/>: its index in declaration order and its payload.</summary>
/// <param name="Index">The case's index in the WIT declaration.</param>
/// <param name="Payload">The <c>"value"</c> of the JSON; <see langword="null"/> for a case without payload.</param>
[EditorBrowsable(EditorBrowsableState.Never)]
public readonly record struct WitJsonCase(int Index, JsonNode? Payload);
