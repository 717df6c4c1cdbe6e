namespace ExtensibilityHost.Core.Reviews;

/// <summary>What a shadow run found: per recorded input, the active version's run and the candidate's.</summary>
/// <param name="VersionId">The candidate version.</param>
/// <param name="VersionNumber">Its number.</param>
/// <param name="ComparedWith">The active version's number, or <see langword="null"/> when the component has none.</param>
/// <param name="Inputs">The replayed inputs, newest first.</param>
/// <param name="Note">Why nothing was replayed, when <paramref name="Inputs"/> is empty.</param>
public sealed record ShadowRun(Guid VersionId, int VersionNumber, int? ComparedWith, IReadOnlyList<ShadowRunInput> Inputs, string? Note)
{
    /// <summary>Inputs whose runs differ.</summary>
    public int Differing => Inputs.Count(i => i.Differs);

    /// <summary>Inputs on which the candidate did not end <c>ok</c>.</summary>
    public int CandidateFailures => Inputs.Count(i => i.Candidate.Outcome != "ok");
}
