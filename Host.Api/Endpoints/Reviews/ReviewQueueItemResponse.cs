using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Api.Endpoints;

/// <summary>A version in the review queue and its capabilities against the component's active version.</summary>
internal sealed record ReviewQueueItemResponse(VersionResponse Version, CapabilityDiff CapabilityDiff);
