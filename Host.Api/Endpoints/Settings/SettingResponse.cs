namespace ExtensibilityHost.Api.Endpoints.Settings;

/// <summary>A component setting.</summary>
internal sealed record SettingResponse(string Key, string Value);
