using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Runtime;
using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// The one mapping from a call of tenant code that did not succeed to HTTP: every call status and
/// every invocation outcome has its own status code and problem type (docs/api.md).
/// </summary>
internal static class InvocationProblems
{
    public static ProblemHttpResult For(HttpContext http, ExtensionCallResult call)
    {
        var detail = call.Error;
        return call.Status switch
        {
            ExtensionCallStatus.UnknownPoint or ExtensionCallStatus.NotFound =>
                ApiProblems.NotFound(detail ?? "Not found."),
            ExtensionCallStatus.NotBound => Problem(ProblemTypes.ExtensionPointNotBound, StatusCodes.Status404NotFound,
                "No component is bound to this extension point", detail, call),
            ExtensionCallStatus.ExportMissing => Problem(ProblemTypes.ExportNotFound, StatusCodes.Status404NotFound,
                "The active version has no such export", detail, call),
            ExtensionCallStatus.TenantDisabled => Problem(ProblemTypes.TenantDisabled, StatusCodes.Status423Locked,
                "The tenant is disabled", detail, call),
            ExtensionCallStatus.ComponentDisabled => Problem(ProblemTypes.ComponentDisabled, StatusCodes.Status423Locked,
                "The component is disabled", detail, call),
            ExtensionCallStatus.NoActiveVersion => Problem(ProblemTypes.NoActiveVersion, StatusCodes.Status409Conflict,
                "The component has no active version", detail, call),
            ExtensionCallStatus.ConcurrencyLimited => ConcurrencyLimited(http, detail),
            ExtensionCallStatus.InvalidInput => Problem(ProblemTypes.ArgumentMismatch, StatusCodes.Status400BadRequest,
                "The input does not match the function's WIT types", detail, call),
            ExtensionCallStatus.InvalidOutput => Problem(ProblemTypes.InvalidOutput, StatusCodes.Status502BadGateway,
                "The component's output could not be read", detail, call),
            ExtensionCallStatus.Failed => ForOutcome(call.Outcome ?? InvocationOutcome.HostError, call),
            _ => throw new ArgumentOutOfRangeException(nameof(call), call.Status, null),
        };
    }

    /// <summary>A call that ran and did not succeed, by its outcome.</summary>
    public static ProblemHttpResult ForOutcome(InvocationOutcome outcome, ExtensionCallResult call) => outcome switch
    {
        InvocationOutcome.GuestError => Problem(ProblemTypes.GuestError, StatusCodes.Status422UnprocessableEntity,
            "The extension returned an error", call.Error, call),
        InvocationOutcome.Timeout => Problem(ProblemTypes.Timeout, StatusCodes.Status504GatewayTimeout,
            "The extension ran past its deadline", call.Error, call),
        InvocationOutcome.OutOfFuel => Problem(ProblemTypes.OutOfFuel, StatusCodes.Status508LoopDetected,
            "The extension used up its fuel", call.Error, call),
        InvocationOutcome.OutOfMemory => Problem(ProblemTypes.OutOfMemory, StatusCodes.Status507InsufficientStorage,
            "The extension needed more memory than its limit", call.Error, call),
        InvocationOutcome.Trap => Problem(ProblemTypes.Trap, StatusCodes.Status502BadGateway,
            "The extension trapped", call.Error, call),
        InvocationOutcome.HostError => Problem(ProblemTypes.HostError, StatusCodes.Status500InternalServerError,
            "The host failed while running the extension", call.Error, call),
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, "ok is not a failure"),
    };

    /// <summary>429 with <c>Retry-After</c>: the tenant is running as many calls as it may.</summary>
    public static ProblemHttpResult ConcurrencyLimited(HttpContext http, string? detail)
    {
        http.Response.Headers.RetryAfter = "1";
        return ApiProblems.Problem(ProblemTypes.ConcurrencyLimited, StatusCodes.Status429TooManyRequests,
            "The tenant is at its concurrency limit", detail ?? "Retry after a moment.");
    }

    private static ProblemHttpResult Problem(string type, int status, string title, string? detail, ExtensionCallResult call)
    {
        var extensions = new Dictionary<string, object?>();
        if (call.Outcome is { } outcome)
        {
            extensions["outcome"] = outcome.ToWireName();
            extensions["durationMs"] = Math.Round(call.DurationMs, 3);
        }

        if (call.Invocation?.Trap is { } trap)
        {
            extensions["trap"] = trap.ToWireName();
        }

        if (call.ErrorValue is { } errorValue)
        {
            extensions["errorValue"] = errorValue;
        }

        if (call.InvocationId is { } invocationId)
        {
            extensions["invocationId"] = invocationId;
        }

        if (call.VersionNumber is { } version)
        {
            extensions["version"] = version;
        }

        return ApiProblems.Problem(type, status, title, detail, extensions);
    }
}
