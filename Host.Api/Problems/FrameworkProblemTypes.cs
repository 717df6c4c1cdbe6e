namespace ExtensibilityHost.Api.Problems;

/// <summary>
/// Gives the problems ASP.NET Core writes itself (routing's 404/405/415, status-code pages, a body
/// that is not JSON) the stable types of <see cref="ProblemTypes"/> instead of RFC section links,
/// so a client switches on one set of types whoever wrote the response.
/// </summary>
internal static class FrameworkProblemTypes
{
    private const string RfcTypePrefix = "https://tools.ietf.org/";

    public static void Apply(ProblemDetailsContext context)
    {
        var problem = context.ProblemDetails;
        if (problem.Type is not null && !problem.Type.StartsWith(RfcTypePrefix, StringComparison.Ordinal))
        {
            return;
        }

        problem.Type = problem.Status switch
        {
            StatusCodes.Status400BadRequest => ProblemTypes.ValidationFailed,
            StatusCodes.Status401Unauthorized => ProblemTypes.Unauthorized,
            StatusCodes.Status403Forbidden => ProblemTypes.Forbidden,
            StatusCodes.Status404NotFound => ProblemTypes.NotFound,
            StatusCodes.Status405MethodNotAllowed => ProblemTypes.MethodNotAllowed,
            StatusCodes.Status413PayloadTooLarge => ProblemTypes.PayloadTooLarge,
            StatusCodes.Status415UnsupportedMediaType => ProblemTypes.UnsupportedMediaType,
            StatusCodes.Status429TooManyRequests => ProblemTypes.RateLimited,
            StatusCodes.Status500InternalServerError => ProblemTypes.InternalError,
            _ => problem.Type,
        };
    }
}
