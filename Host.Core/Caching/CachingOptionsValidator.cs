using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Caching;

/// <summary>Checks the intervals: the poll within the promised one-second bound, the maximum age no shorter than a poll.</summary>
internal sealed class CachingOptionsValidator : IValidateOptions<CachingOptions>
{
    public ValidateOptionsResult Validate(string? name, CachingOptions options)
    {
        List<string> failures = [];
        if (options.PollInterval < TimeSpan.FromMilliseconds(10) || options.PollInterval > TimeSpan.FromSeconds(1))
        {
            failures.Add($"{CachingOptions.SectionName}:PollInterval must be between 00:00:00.010 and 00:00:01 (it bounds how stale another node's change may be).");
        }

        if (options.MaxAge < options.PollInterval)
        {
            failures.Add($"{CachingOptions.SectionName}:MaxAge must be at least PollInterval.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
