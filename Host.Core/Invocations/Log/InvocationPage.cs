namespace ExtensibilityHost.Core.Invocations.Log;

/// <summary>One page of the invocation log, newest first.</summary>
/// <param name="Items">The records.</param>
/// <param name="NextOffset">The offset of the next page, or null on the last page.</param>
public sealed record InvocationPage(IReadOnlyList<InvocationRecord> Items, int? NextOffset);
