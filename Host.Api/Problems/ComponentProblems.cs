using ExtensibilityHost.Core.Components;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Problems;

/// <summary>The 400 problems of a refused upload: one type per load-error code, and the world mismatch with its problems listed.</summary>
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

    public static ProblemHttpResult WorldMismatch(ConformanceResult conformance)
    {
        var problems = conformance.Problems.Select(p => new { code = p.Code, subject = p.Subject, message = p.Message }).ToList();
        var detail = problems.Count == 0
            ? "The component does not fit any world this host serves."
            : string.Join(" ", problems.Select(p => p.message));
        return ApiProblems.Problem(ProblemTypes.ComponentWorldMismatch, StatusCodes.Status400BadRequest,
            "The component does not fit a world this host serves", detail,
            new Dictionary<string, object?>
            {
                ["problems"] = problems,
                ["worlds"] = conformance.Worlds.Select(w => w.Name).ToList(),
            });
    }
}
