using Microsoft.AspNetCore.Http.HttpResults;

namespace ExtensibilityHost.Api.Problems;

/// <summary>Builds problem+json results with the stable types of <see cref="ProblemTypes"/>.</summary>
internal static class ApiProblems
{
    public static ProblemHttpResult Problem(string type, int status, string title, string? detail = null, IDictionary<string, object?>? extensions = null) =>
        TypedResults.Problem(detail: detail, statusCode: status, title: title, type: type, extensions: extensions);

    /// <summary>404 for anything the caller may not see, so another tenant's ids reveal nothing.</summary>
    public static ProblemHttpResult NotFound(string detail) =>
        Problem(ProblemTypes.NotFound, StatusCodes.Status404NotFound, "Not found", detail);

    public static ProblemHttpResult Conflict(string detail, string type = ProblemTypes.Conflict) =>
        Problem(type, StatusCodes.Status409Conflict, "Conflict", detail);

    public static ProblemHttpResult Validation(string detail, IDictionary<string, string[]> errors) =>
        Problem(ProblemTypes.ValidationFailed, StatusCodes.Status400BadRequest, "The request is not valid", detail,
            new Dictionary<string, object?> { ["errors"] = errors });
}
