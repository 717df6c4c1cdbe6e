namespace ExtensibilityHost.Core.Invocations.Json;

/// <summary>How JSON goes in and out of a call (see <see cref="JsonInvoker"/>).</summary>
internal enum JsonCallShape
{
    /// <summary>A typed call of any export: input is the JSON array of arguments; output is the whole return value (a result as <c>{"ok": …}</c>).</summary>
    ExportArguments,

    /// <summary>
    /// A typed extension point: input is the argument itself when the function takes exactly one
    /// (the array of arguments otherwise); output is the <c>ok</c> payload of a result, the err payload the error value.
    /// </summary>
    TypedPoint,

    /// <summary>
    /// The generic <c>extension-point</c> world: input is passed as JSON text with the point's name to
    /// <c>invoke(point, input)</c>; the <c>ok</c> string must be JSON and is the output.
    /// </summary>
    GenericPoint,
}
