namespace ExtensibilityHost.Core.Versions;

/// <summary>A version in the review queue, with what it changes against its component's active version.</summary>
/// <param name="Version">The version.</param>
/// <param name="Diff">Its capabilities against the active version.</param>
public sealed record ReviewQueueEntry(ComponentVersion Version, CapabilityDiff Diff);
