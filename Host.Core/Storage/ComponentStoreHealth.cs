namespace ExtensibilityHost.Core.Storage;

/// <summary>The result of <see cref="IComponentStore.CheckHealthAsync"/>, for <c>/health/ready</c>.</summary>
/// <param name="IsHealthy">Whether the store can be written and read.</param>
/// <param name="Description">What was checked, or what failed.</param>
/// <param name="Exception">The failure, when there was one.</param>
public sealed record ComponentStoreHealth(bool IsHealthy, string Description, Exception? Exception = null);
