using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>The text of an <c>err</c> an extension returned, for logs, decisions and problems.</summary>
internal static class GuestFailure
{
    /// <summary>
    /// A <c>failure</c> record as <c>code: message</c>, an error string as it is, or
    /// <see langword="null"/> for any other error value.
    /// </summary>
    public static string? Describe(ComponentValue? error) => error switch
    {
        { Kind: ComponentValueKind.Record } failure
            when failure.TryGetField("code", out var code) && code is { Kind: ComponentValueKind.String }
            && failure.TryGetField("message", out var message) && message is { Kind: ComponentValueKind.String } =>
            $"{code.AsString()}: {message.AsString()}",
        { Kind: ComponentValueKind.String } text => text.AsString(),
        _ => null,
    };
}
