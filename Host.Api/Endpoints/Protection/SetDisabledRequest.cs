namespace ExtensibilityHost.Api.Endpoints.Protection;

/// <summary>Body of the kill-switch routes.</summary>
internal sealed record SetDisabledRequest
{
    /// <summary>True stops the tenant's (or component's) code from running; false lets it run again.</summary>
    public bool? Disabled { get; init; }
}
