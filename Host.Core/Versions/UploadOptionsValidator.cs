using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Versions;

/// <summary>Checks <see cref="UploadOptions"/> at start-up, so a bad value fails the host instead of the first upload.</summary>
internal sealed class UploadOptionsValidator : IValidateOptions<UploadOptions>
{
    /// <summary>Wasmtime and the stores take the whole binary in one array.</summary>
    private const long MaxSupportedBytes = int.MaxValue / 2;

    /// <summary>Starting a compile worker alone takes a good part of a second on a busy machine.</summary>
    private static readonly TimeSpan MinCompileTimeout = TimeSpan.FromSeconds(1);

    private static readonly TimeSpan MaxCompileTimeout = TimeSpan.FromMinutes(10);

    /// <summary>A compile worker's runtime and engine alone hold about 60 MiB.</summary>
    private const long MinCompileMemoryBytes = 128L * 1024 * 1024;

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

        if (options.CompileTimeout < MinCompileTimeout || options.CompileTimeout > MaxCompileTimeout)
        {
            failures.Add($"{UploadOptions.SectionName}:CompileTimeout must be between {MinCompileTimeout} and {MaxCompileTimeout}.");
        }

        if (options.CompileMemoryBytes < MinCompileMemoryBytes)
        {
            failures.Add($"{UploadOptions.SectionName}:CompileMemoryBytes must be at least {MinCompileMemoryBytes} (128 MiB: the compile worker's runtime alone holds about 60 MiB).");
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
