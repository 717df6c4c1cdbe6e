using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>Checks what data annotations cannot: the per-tenant overrides, the per-tenant share of the execution slots and the log's batch delay.</summary>
internal sealed class InvocationOptionsValidator : IValidateOptions<InvocationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvocationOptions options)
    {
        var failures = options.TenantConcurrency
            .Where(pair => pair.Value is < 1 or > 10_000)
            .Select(pair => $"{InvocationOptions.SectionName}:TenantConcurrency:{pair.Key} must be between 1 and 10000.")
            .ToList();
        if (options.EffectiveExecutionSlotsPerTenant > options.EffectiveExecutionSlots)
        {
            failures.Add($"{InvocationOptions.SectionName}:ExecutionSlotsPerTenant ({options.EffectiveExecutionSlotsPerTenant}) must not exceed the execution slots ({options.EffectiveExecutionSlots}{(options.ExecutionSlots is null ? ", one per processor core, at least two" : "")}).");
        }

        if (options.LogBatchDelay < TimeSpan.Zero || options.LogBatchDelay > TimeSpan.FromSeconds(30))
        {
            failures.Add($"{InvocationOptions.SectionName}:LogBatchDelay must be between 00:00:00 and 00:00:30.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
