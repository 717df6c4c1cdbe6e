namespace ExtensibilityHost.Api.Endpoints;

/// <summary>A component setting.</summary>
internal sealed record SettingResponse(string Key, string Value);
