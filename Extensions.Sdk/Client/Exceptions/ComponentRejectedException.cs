namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// An upload was refused (400 <c>component-*</c>, 413 <c>payload-too-large</c>, 415): not a
/// component, no world implemented, WASI outside the allow-list… <see cref="Problems"/> lists why.
/// </summary>
public sealed class ComponentRejectedException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem)
{
    /// <summary>The conformance problems, as <c>(code, subject, message)</c> (empty for a binary that is not a component at all).</summary>
    public IReadOnlyList<(string Code, string Subject, string Message)> Problems =>
        Problem.Member("problems") is { ValueKind: System.Text.Json.JsonValueKind.Array } problems
            ? [.. problems.EnumerateArray().Select(p => (p.GetProperty("code").GetString() ?? "", p.GetProperty("subject").GetString() ?? "", p.GetProperty("message").GetString() ?? ""))]
            : [];
}
