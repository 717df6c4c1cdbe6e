namespace ExtensibilityHost.Api.Endpoints.OutboundOrigins;

/// <summary>One allowed origin, who allowed it (the admin key's name and id) and when.</summary>
internal sealed record AllowedOriginResponse(string Origin, string AddedBy, DateTime AddedAt);
