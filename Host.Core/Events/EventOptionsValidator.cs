using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Events;

/// <summary>Checks what data annotations cannot: the durations and how they relate.</summary>
internal sealed class EventOptionsValidator : IValidateOptions<EventOptions>
{
    public ValidateOptionsResult Validate(string? name, EventOptions options)
    {
        List<string> failures = [];
        if (options.PollInterval <= TimeSpan.Zero)
        {
            failures.Add($"{EventOptions.SectionName}:PollInterval must be positive.");
        }

        if (options.LeaseDuration < TimeSpan.FromSeconds(1))
        {
            failures.Add($"{EventOptions.SectionName}:LeaseDuration must be at least one second.");
        }

        if (options.BackoffBase <= TimeSpan.Zero)
        {
            failures.Add($"{EventOptions.SectionName}:BackoffBase must be positive.");
        }

        if (options.BackoffMax < options.BackoffBase)
        {
            failures.Add($"{EventOptions.SectionName}:BackoffMax must be at least BackoffBase ({options.BackoffBase}).");
        }

        if (options.ParkedRetryInterval <= TimeSpan.Zero)
        {
            failures.Add($"{EventOptions.SectionName}:ParkedRetryInterval must be positive.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
