using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>Checks what data annotations cannot: the per-tenant overrides.</summary>
internal sealed class InvocationOptionsValidator : IValidateOptions<InvocationOptions>
{
    public ValidateOptionsResult Validate(string? name, InvocationOptions options)
    {
        var failures = options.TenantConcurrency
            .Where(pair => pair.Value is < 1 or > 10_000)
            .Select(pair => $"{InvocationOptions.SectionName}:TenantConcurrency:{pair.Key} must be between 1 and 10000.")
            .ToList();
        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
