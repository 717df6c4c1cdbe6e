using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>Checks what data annotations cannot: the default limits against the pool.</summary>
internal sealed class RuntimeOptionsValidator : IValidateOptions<RuntimeOptions>
{
    public ValidateOptionsResult Validate(string? name, RuntimeOptions options)
    {
        var limits = options.DefaultLimits;
        List<string> failures = [];
        if (limits.Timeout <= TimeSpan.Zero)
        {
            failures.Add($"{RuntimeOptions.SectionName}:DefaultLimits:Timeout must be positive.");
        }

        if (limits.Timeout < options.EpochTick)
        {
            failures.Add($"{RuntimeOptions.SectionName}:DefaultLimits:Timeout must be at least one EpochTick ({options.EpochTick}).");
        }

        if (limits.MemoryBytes <= 0 || (options.UsePoolingAllocator && limits.MemoryBytes > options.PoolMaxMemoryBytes))
        {
            failures.Add($"{RuntimeOptions.SectionName}:DefaultLimits:MemoryBytes must be positive and at most PoolMaxMemoryBytes ({options.PoolMaxMemoryBytes}).");
        }

        if (limits.Fuel is 0)
        {
            failures.Add($"{RuntimeOptions.SectionName}:DefaultLimits:Fuel must be positive when set.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
