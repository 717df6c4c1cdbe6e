using ExtensibilityHost.Api.Endpoints.Components;
using ExtensibilityHost.Core.Versions;

namespace ExtensibilityHost.Api.Endpoints.Reviews;

/// <summary>A version in the review queue and its capabilities against the component's active version.</summary>
internal sealed record ReviewQueueItemResponse(VersionResponse Version, CapabilityDiff CapabilityDiff);
