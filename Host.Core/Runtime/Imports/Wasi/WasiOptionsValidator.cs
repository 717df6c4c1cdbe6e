using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports.Wasi;

/// <summary>Refuses an allow-list naming something that is not a WASI 0.2 interface (a typo would silently deny it).</summary>
internal sealed class WasiOptionsValidator : IValidateOptions<WasiOptions>
{
    public ValidateOptionsResult Validate(string? name, WasiOptions options)
    {
        var unknown = (options.AllowedInterfaces ?? [])
            .Where(entry => !WasiInterfaces.Known.Contains(entry, StringComparer.Ordinal))
            .ToList();
        return unknown.Count == 0
            ? ValidateOptionsResult.Success
            : ValidateOptionsResult.Fail(
                $"{WasiOptions.SectionName}:AllowedInterfaces names {string.Join(", ", unknown.Select(u => $"'{u}'"))}, which "
                + $"{(unknown.Count == 1 ? "is not a WASI 0.2 interface" : "are not WASI 0.2 interfaces")} (write them without version). "
                + $"Known: {string.Join(", ", WasiInterfaces.Known)}.");
    }
}
