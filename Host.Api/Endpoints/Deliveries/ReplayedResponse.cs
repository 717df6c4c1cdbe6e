namespace ExtensibilityHost.Api.Endpoints.Deliveries;

/// <summary>How many dead letters were made pending again.</summary>
internal sealed record ReplayedResponse(int Replayed);
