using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports.Wasi;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// The 400 problems of a refused upload: one type per load-error code, the world mismatch, and the
/// WASI interfaces the deployment does not allow, each with the problems listed.
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

    private static List<object> Describe(ConformanceResult conformance) =>
        conformance.Problems.Select(object (p) => new { code = p.Code, subject = p.Subject, message = p.Message }).ToList();
}
