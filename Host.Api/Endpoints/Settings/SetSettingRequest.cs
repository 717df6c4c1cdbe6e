namespace ExtensibilityHost.Api.Endpoints.Settings;

/// <summary>Body of <c>PUT …/settings/{key}</c>.</summary>
internal sealed record SetSettingRequest
{
    /// <summary>The value the component's <c>config.get(key)</c> returns.</summary>
    public string? Value { get; init; }
}
