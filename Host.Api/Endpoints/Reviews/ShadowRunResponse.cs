using System.Text.Json;
using System.Text.Json.Nodes;
using ExtensibilityHost.Api.Endpoints.Shared;
using ExtensibilityHost.Core.Reviews;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>A shadow run: per recorded input, the active version's run and the candidate's, and whether they differ.</summary>
internal sealed record ShadowRunResponse(
    Guid VersionId, int Version, int? ComparedWith, int Inputs, int Differing, int CandidateFailures, string? Note, List<ShadowRunInputResponse> Runs)
{
    public static ShadowRunResponse From(ShadowRun run) => new(
        run.VersionId, run.VersionNumber, run.ComparedWith, run.Inputs.Count, run.Differing, run.CandidateFailures, run.Note,
        run.Inputs.Select(i => new ShadowRunInputResponse(
            i.InvocationId, i.Label, i.Target, i.RecordedAt, JsonNode.Parse(i.Arguments), i.Differs,
            ShadowCallResponse.From(i.Active), ShadowCallResponse.From(i.Candidate))).ToList());
}

/// <summary>One replayed input.</summary>
internal sealed record ShadowRunInputResponse(
    Guid InvocationId, string Label, string Target, DateTime RecordedAt, JsonNode? Args, bool Differs, ShadowCallResponse Active, ShadowCallResponse Candidate);

/// <summary>One version's run of an input.</summary>
internal sealed record ShadowCallResponse(
    string Outcome, string? Trap, double DurationMs, long? FuelConsumed, JsonNode? Output, string? Error, List<GuestLogResponse> Logs)
{
    public static ShadowCallResponse From(ShadowCall call) => new(
        call.Outcome, call.Trap, call.DurationMs, call.FuelConsumed, call.Output?.DeepClone(), call.Error, [.. call.Logs.Select(GuestLogResponse.From)]);
}
