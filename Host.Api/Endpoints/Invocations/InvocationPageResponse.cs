namespace ExtensibilityHost.Api.Endpoints.Invocations;

/// <summary>A page of the invocation log; pass <see cref="NextOffset"/> as <c>offset</c> for the next one.</summary>
internal sealed record InvocationPageResponse(IReadOnlyList<InvocationResponse> Items, int? NextOffset);
