using System.Text.Json;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Invocations;

/// <summary>What a <see cref="JsonCall"/> came to, before it is shaped into a public result.</summary>
internal sealed record JsonCallResult
{
    public required ExtensionCallStatus Status { get; init; }

    public JsonElement? Output { get; init; }

    /// <summary>The payload of the <c>err</c> the component returned, as JSON.</summary>
    public JsonElement? ErrorValue { get; init; }

    public string? Error { get; init; }

    public InvocationResult? Invocation { get; init; }

    public Guid? InvocationId { get; init; }

    public Guid? VersionId { get; init; }

    public int? VersionNumber { get; init; }

    public static JsonCallResult NotRun(ExtensionCallStatus status, string? error) => new() { Status = status, Error = error };
}
