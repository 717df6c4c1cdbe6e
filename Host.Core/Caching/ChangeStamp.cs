namespace ExtensibilityHost.Core.Caching;

/// <summary>
/// The one row every host node polls to learn that routing state changed: any change to what a
/// call or an event resolves to (subscriptions, versions' status, kill switches, settings,
/// extension-point bindings, components and tenants) adds one to <see cref="Value"/>.
/// </summary>
public sealed class ChangeStamp
{
    /// <summary>The id of the one row.</summary>
    public const int SingletonId = 1;

    /// <summary>Always <see cref="SingletonId"/>.</summary>
    public int Id { get; set; }

    /// <summary>How many changes there have been; only ever compared for equality.</summary>
    public long Value { get; set; }
}
