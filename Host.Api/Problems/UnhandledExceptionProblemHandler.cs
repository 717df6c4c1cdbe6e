using Microsoft.AspNetCore.Diagnostics;

namespace ExtensibilityHost.Api.Problems;

/// <summary>A bug or infrastructure fault becomes a 500 problem+json without internals; the exception is logged.</summary>
internal sealed partial class UnhandledExceptionProblemHandler(ILogger<UnhandledExceptionProblemHandler> logger) : IExceptionHandler
{
    public async ValueTask<bool> TryHandleAsync(HttpContext httpContext, Exception exception, CancellationToken cancellationToken)
    {
        if (exception is BadHttpRequestException { StatusCode: StatusCodes.Status413PayloadTooLarge })
        {
            await ApiProblems.Problem(ProblemTypes.PayloadTooLarge, StatusCodes.Status413PayloadTooLarge, "Payload too large",
                exception.Message).ExecuteAsync(httpContext);
            return true;
        }

        LogUnhandled(exception, httpContext.Request.Method, httpContext.Request.Path);
        await ApiProblems.Problem(ProblemTypes.InternalError, StatusCodes.Status500InternalServerError, "Internal error",
            $"The host failed to process the request (trace id {httpContext.TraceIdentifier}).").ExecuteAsync(httpContext);
        return true;
    }

    [LoggerMessage(Level = LogLevel.Error, Message = "Unhandled exception on {Method} {Path}")]
    private partial void LogUnhandled(Exception exception, string method, PathString path);
}
