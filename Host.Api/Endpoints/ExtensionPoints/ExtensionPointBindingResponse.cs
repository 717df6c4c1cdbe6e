using ExtensibilityHost.Core.ExtensionPoints;

namespace ExtensibilityHost.Api.Endpoints.ExtensionPoints;

/// <summary>Which of the tenant's components serves a point.</summary>
internal sealed record ExtensionPointBindingResponse(string Point, string Component)
{
    public static ExtensionPointBindingResponse From(ExtensionPointBinding binding) => new(binding.Point, binding.ComponentName);
}
