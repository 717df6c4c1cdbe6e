using System.Globalization;
using ExtensibilityHost.Core.Compilation;
using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// The problems of a refused upload: 400 for one type per load-error code, the world mismatch, and
/// the WASI interfaces the deployment does not allow, each with the problems listed; 422 for a
/// compilation stopped at its budget.
/// </summary>
internal static class ComponentProblems
{
    public static ProblemHttpResult NotAComponent(ComponentLoadError error)
    {
        var (type, title) = error.Code switch
        {
            ComponentLoadError.Empty => (ProblemTypes.ComponentEmpty, "The body is empty"),
            ComponentLoadError.Truncated => (ProblemTypes.ComponentTruncated, "The component is truncated"),
            ComponentLoadError.NotWasm => (ProblemTypes.ComponentNotWasm, "Not WebAssembly"),
            ComponentLoadError.CoreModule => (ProblemTypes.ComponentIsCoreModule, "A core module, not a component"),
            ComponentLoadError.UnsupportedVersion => (ProblemTypes.ComponentUnsupportedVersion, "Unsupported WebAssembly version"),
            _ => (ProblemTypes.ComponentInvalid, "Not a valid component"),
        };
        return ApiProblems.Problem(type, StatusCodes.Status400BadRequest, title, error.Message,
            new Dictionary<string, object?> { ["code"] = error.Code });
    }

    public static ProblemHttpResult WasiNotAllowed(ConformanceResult conformance, WasiPolicy policy)
    {
        var refused = conformance.Problems
            .Where(p => p.Code is ConformanceProblem.WasiNotAllowed or ConformanceProblem.WasiVersionUnsupported)
            .ToList();
        var interfaces = refused.Select(p => p.Subject).ToList();
        return ApiProblems.Problem(ProblemTypes.ComponentWasiNotAllowed, StatusCodes.Status400BadRequest,
            "The component imports WASI this host does not allow",
            string.Join(" ", refused.Select(p => p.Message)),
            new Dictionary<string, object?>
            {
                ["interfaces"] = interfaces,
                ["allowed"] = policy.AllowedInterfaces,
                ["problems"] = Describe(conformance),
            });
    }

    public static ProblemHttpResult WorldMismatch(ConformanceResult conformance)
    {
        var problems = Describe(conformance);
        var detail = problems.Count == 0
            ? "The component does not fit any world this host serves."
            : string.Join(" ", conformance.Problems.Select(p => p.Message));
        return ApiProblems.Problem(ProblemTypes.ComponentWorldMismatch, StatusCodes.Status400BadRequest,
            "The component does not fit a world this host serves", detail,
            new Dictionary<string, object?>
            {
                ["problems"] = problems,
                ["worlds"] = conformance.Worlds.Select(w => w.Name).ToList(),
            });
    }

    /// <summary>
    /// 422: the binary is well-formed, but compiling it needs more than this host gives one upload.
    /// Names the budget and its value (<c>limit</c> in <c>unit</c>: milliseconds or bytes), and what the
    /// compilation had used when it was stopped.
    /// </summary>
    public static ProblemHttpResult CompileBudgetExceeded(CompileBudgetExceeded exceeded)
    {
        var (budget, limit, unit, detail) = exceeded.Budget switch
        {
            CompileBudget.Time => ("time", (long)exceeded.Timeout.TotalMilliseconds, "ms",
                $"Compiling the component took longer than this host's budget of {exceeded.Timeout.TotalSeconds.ToString(CultureInfo.InvariantCulture)} s per upload, so it was stopped."),
            _ => ("memory", exceeded.MemoryBytes, "bytes",
                $"Compiling the component needed more memory than this host's budget of {(exceeded.MemoryBytes / (1024 * 1024)).ToString(CultureInfo.InvariantCulture)} MiB per upload, so it was stopped."),
        };
        return ApiProblems.Problem(ProblemTypes.ComponentCompileBudgetExceeded, StatusCodes.Status422UnprocessableEntity,
            "Compiling the component exceeded its budget",
            detail + " Split very large functions, use fewer locals and functions, or build with optimizations (e.g. `opt-level = \"s\"`, `wasm-opt -Os`).",
            new Dictionary<string, object?>
            {
                ["budget"] = budget,
                ["limit"] = limit,
                ["unit"] = unit,
                ["elapsedMs"] = (long)exceeded.Elapsed.TotalMilliseconds,
                ["peakMemoryBytes"] = exceeded.PeakMemoryBytes,
            });
    }

    private static List<object> Describe(ConformanceResult conformance) =>
        conformance.Problems.Select(object (p) => new { code = p.Code, subject = p.Subject, message = p.Message }).ToList();
}
