using System.Text.Json;
using ExtensibilityHost.Core.Runtime;
using Microsoft.Extensions.Options;

namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>Checks every configured point at start-up, naming the point and the setting at fault.</summary>
internal sealed class ExtensionPointsOptionsValidator(IOptions<RuntimeOptions> runtime) : IValidateOptions<ExtensionPointsOptions>
{
    private const int MaxTimeoutMs = 10 * 60 * 1000;

    public ValidateOptionsResult Validate(string? name, ExtensionPointsOptions options)
    {
        List<string> failures = [];
        foreach (var (point, settings) in options.Points)
        {
            var prefix = $"{ExtensionPointsOptions.SectionName}:{point}";
            if (!ExtensionPointName.IsValid(point))
            {
                failures.Add($"{prefix}: a point name is lowercase letters and digits in parts joined by '.', '-' or '_' (e.g. 'pricing.discount'), at most {ExtensionPointName.MaxLength} characters.");
            }

            failures.AddRange(Validate(prefix, settings));
        }

        return failures.Count == 0 ? ValidateOptionsResult.Success : ValidateOptionsResult.Fail(failures);
    }

    private IEnumerable<string> Validate(string prefix, ExtensionPointOptions point)
    {
        if (point.Kind == ExtensionPointKind.Typed && (string.IsNullOrWhiteSpace(point.Interface) || string.IsNullOrWhiteSpace(point.Function)))
        {
            yield return $"{prefix}: a typed point needs Interface (e.g. 'acme:shop/pricing@1.0.0') and Function (e.g. 'discount'); set Kind to Generic for the extension-point world.";
        }

        if (point.Kind == ExtensionPointKind.Generic && (point.Interface is not null || point.Function is not null))
        {
            yield return $"{prefix}: a generic point always calls saas:extensibility/extension-point@1.0.0#invoke; remove Interface and Function.";
        }

        var tick = runtime.Value.EpochTick;
        if (point.TimeoutMs is { } timeout && (timeout < tick.TotalMilliseconds || timeout > MaxTimeoutMs))
        {
            yield return $"{prefix}:TimeoutMs must be between {tick.TotalMilliseconds} (one epoch tick) and {MaxTimeoutMs}.";
        }

        var maxMemoryMb = runtime.Value.PoolMaxMemoryBytes / (1024 * 1024);
        if (point.MemoryMb is { } memory && (memory < 1 || (runtime.Value.UsePoolingAllocator && memory > maxMemoryMb)))
        {
            yield return $"{prefix}:MemoryMb must be at least 1 and at most the pool's {maxMemoryMb} MiB.";
        }

        if (point.Fuel is 0)
        {
            yield return $"{prefix}:Fuel must be positive when set.";
        }

        if (point.FailurePolicy == ExtensionPointFailurePolicy.FailOpen && point.Default is null)
        {
            yield return $"{prefix}: a FailOpen point needs Default, the output returned on failure, as JSON text.";
        }

        if (point.Default is { } json && !IsJson(json))
        {
            yield return $"{prefix}:Default is not valid JSON text.";
        }
    }

    private static bool IsJson(string text)
    {
        try
        {
            using var document = JsonDocument.Parse(text);
            return true;
        }
        catch (JsonException)
        {
            return false;
        }
    }
}
