namespace ExtensibilityHost.Sdk.Client;

/// <summary>A page of the invocation log, newest first; pass <see cref="NextOffset"/> to get the next.</summary>
/// <param name="Items">The invocations.</param>
/// <param name="NextOffset">The offset of the next page, or null at the end.</param>
public sealed record InvocationPage(IReadOnlyList<InvocationInfo> Items, int? NextOffset);
