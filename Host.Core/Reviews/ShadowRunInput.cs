namespace ExtensibilityHost.Core.Reviews;

/// <summary>One recorded production input replayed against the active version and the candidate.</summary>
/// <param name="InvocationId">The production invocation the input was recorded from.</param>
/// <param name="Label">What that invocation was (an event type, an extension point, an export).</param>
/// <param name="Target">The export called (<c>interface#function</c>).</param>
/// <param name="RecordedAt">When the production invocation ran (UTC).</param>
/// <param name="Arguments">The recorded arguments (WIT JSON, redacted when recorded).</param>
/// <param name="Active">The active version's run.</param>
/// <param name="Candidate">The candidate version's run.</param>
public sealed record ShadowRunInput(
    Guid InvocationId, string Label, string Target, DateTime RecordedAt, string Arguments, ShadowCall Active, ShadowCall Candidate)
{
    /// <summary>The two runs ended differently or returned different output.</summary>
    public bool Differs => Active.Outcome != Candidate.Outcome || Active.OutputText != Candidate.OutputText;
}
