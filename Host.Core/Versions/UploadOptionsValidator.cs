using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Versions;

/// <summary>Checks <see cref="UploadOptions"/> at start-up, so a bad value fails the host instead of the first upload.</summary>
internal sealed class UploadOptionsValidator : IValidateOptions<UploadOptions>
{
    /// <summary>Wasmtime and the stores take the whole binary in one array.</summary>
    private const long MaxSupportedBytes = int.MaxValue / 2;

    public ValidateOptionsResult Validate(string? name, UploadOptions options)
    {
        List<string> failures = [];
        if (options.MaxComponentBytes is <= 0 or > MaxSupportedBytes)
        {
            failures.Add($"{UploadOptions.SectionName}:MaxComponentBytes must be between 1 and {MaxSupportedBytes}.");
        }

        if (options.MaxConcurrentValidations < 1)
        {
            failures.Add($"{UploadOptions.SectionName}:MaxConcurrentValidations must be at least 1.");
        }

        if (options.OrphanGracePeriod < TimeSpan.FromMinutes(1))
        {
            failures.Add($"{UploadOptions.SectionName}:OrphanGracePeriod must be at least one minute (an upload in progress must not lose its blob).");
        }

        if (options.OrphanSweepInterval <= TimeSpan.Zero)
        {
            failures.Add($"{UploadOptions.SectionName}:OrphanSweepInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
