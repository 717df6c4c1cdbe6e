namespace ExtensibilityHost.Api.Endpoints.Protection;

/// <summary>A version made active again.</summary>
internal sealed record ReenabledResponse(Guid VersionId, string Status);
