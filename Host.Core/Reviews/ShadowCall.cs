using System.Text.Json.Nodes;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Core.Reviews;

/// <summary>One version's run of one recorded input in a shadow run.</summary>
/// <param name="Outcome">The outcome's wire name (<c>ok</c>, <c>guest-error</c>, <c>trap</c>, …), or <c>not-run</c> when the version could not be called with this input.</param>
/// <param name="Trap">The trap kind's wire name, for traps.</param>
/// <param name="DurationMs">Instantiation plus call, in milliseconds.</param>
/// <param name="FuelConsumed">Fuel consumed, when the engine meters it.</param>
/// <param name="Output">The return value as WIT JSON (a <c>result</c> as <c>{"ok": …}</c> or <c>{"err": …}</c>).</param>
/// <param name="Error">Why the call failed or did not run.</param>
/// <param name="Logs">What the guest logged or printed.</param>
public sealed record ShadowCall(
    string Outcome, string? Trap, double DurationMs, long? FuelConsumed, JsonNode? Output, string? Error, IReadOnlyList<GuestLogLine> Logs)
{
    /// <summary>The outcome of a version that could not be called with the input.</summary>
    public const string NotRun = "not-run";

    /// <summary>The output as compact JSON text (<c>null</c> when there is none), the form outputs are compared in.</summary>
    public string OutputText => Output?.ToJsonString() ?? "null";
}
