namespace ExtensibilityHost.Sdk.Client;

/// <summary>The one mapping from the host's problem types to the client's exceptions.</summary>
internal static class ProblemExceptions
{
    public static ExtensibilityHostException For(ExtensibilityHostProblem problem) => problem.Name switch
    {
        "timeout" => new ExtensionTimeoutException(problem),
        "guest-error" => new ExtensionGuestErrorException(problem),
        "trap" => new ExtensionTrapException(problem),
        "out-of-memory" or "out-of-fuel" => new ExtensionResourceLimitException(problem),
        "host-error" => new ExtensionHostErrorException(problem),
        "invalid-output" => new ExtensionInvalidOutputException(problem),
        "rate-limited" => new TenantRateLimitedException(problem),
        "concurrency-limited" => new ConcurrencyLimitedException(problem),
        "tenant-disabled" or "component-disabled" => new ExtensionDisabledException(problem),
        "no-active-version" => new NoActiveVersionException(problem),
        "not-found" or "extension-point-not-bound" or "export-not-found" => new NotFoundException(problem),
        "validation-failed" or "argument-mismatch" => new InvalidRequestException(problem),
        "payload-too-large" or "unsupported-media-type" or "content-encoding-invalid" => new ComponentRejectedException(problem),
        var name when name.StartsWith("component-", StringComparison.Ordinal) => new ComponentRejectedException(problem),
        "unauthorized" => new AuthenticationFailedException(problem),
        "forbidden" => new PermissionDeniedException(problem),
        "conflict" or "version-state-conflict" => new StateConflictException(problem),
        _ => new ExtensibilityHostException(problem),
    };
}
