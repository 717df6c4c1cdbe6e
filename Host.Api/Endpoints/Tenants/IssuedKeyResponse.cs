namespace ExtensibilityHost.Api.Endpoints.Tenants;

/// <summary>A key just issued: the key is shown this once.</summary>
internal sealed record IssuedKeyResponse(Guid Id, string Name, string Prefix, string ApiKey, DateTime CreatedAt);
