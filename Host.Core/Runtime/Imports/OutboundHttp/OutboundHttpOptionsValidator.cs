using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;

/// <summary>
/// Refuses methods outside the six the WIT contract names (a typo would silently deny them; CONNECT
/// and TRACE are never allowed) and timeouts that cannot work together.
/// </summary>
internal sealed class OutboundHttpOptionsValidator : IValidateOptions<OutboundHttpOptions>
{
    public ValidateOptionsResult Validate(string? name, OutboundHttpOptions options)
    {
        List<string> failures = [];
        var unknown = (options.AllowedMethods ?? []).Where(m => !OutboundHttpOptions.DefaultMethods.Contains(m, StringComparer.Ordinal)).ToList();
        if (unknown.Count > 0)
        {
            failures.Add($"{OutboundHttpOptions.SectionName}:AllowedMethods names {string.Join(", ", unknown.Select(m => $"'{m}'"))}; "
                + $"allowed are {string.Join(", ", OutboundHttpOptions.DefaultMethods)} (upper case).");
        }

        if (options.MinimumTimeLeft < TimeSpan.Zero)
        {
            failures.Add($"{OutboundHttpOptions.SectionName}:MinimumTimeLeft must not be negative.");
        }

        if (options.MaxRequestTimeout <= options.MinimumTimeLeft || options.MaxRequestTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{OutboundHttpOptions.SectionName}:MaxRequestTimeout must be longer than MinimumTimeLeft and at most 00:10:00.");
        }

        if (options.ConnectTimeout <= TimeSpan.Zero || options.ConnectTimeout > TimeSpan.FromMinutes(10))
        {
            failures.Add($"{OutboundHttpOptions.SectionName}:ConnectTimeout must be positive and at most 00:10:00.");
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }
}
