using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>The tenant's extension ran and did not succeed (its outcome is not <c>ok</c>).</summary>
public class ExtensionCallFailedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem)
{
    /// <summary>The outcome's wire name: <c>guest-error</c>, <c>timeout</c>, <c>trap</c>, <c>out-of-memory</c>, <c>out-of-fuel</c>, <c>host-error</c>.</summary>
    public string? Outcome => Problem.Member("outcome")?.GetString();

    /// <summary>How long the call ran, in milliseconds.</summary>
    public double? DurationMs => Problem.Member("durationMs")?.GetDouble();

    /// <summary>The invocation's id in the invocation log.</summary>
    public Guid? InvocationId => Problem.Member("invocationId") is { ValueKind: JsonValueKind.String } id ? id.GetGuid() : null;
}
