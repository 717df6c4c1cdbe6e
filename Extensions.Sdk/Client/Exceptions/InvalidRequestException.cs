namespace ExtensibilityHost.Sdk.Client;

/// <summary>
/// The request was refused as invalid (400): a field (<c>validation-failed</c>, with <see cref="Errors"/>)
/// or input that does not match the WIT types of the function (<c>argument-mismatch</c>).
/// </summary>
public sealed class InvalidRequestException(ExtensibilityHostProblem problem) : ExtensibilityHostException(problem)
{
    /// <summary>Each invalid field with its messages (empty for <c>argument-mismatch</c>, whose detail names the path).</summary>
    public IReadOnlyDictionary<string, string[]> Errors =>
        Problem.Member("errors") is { ValueKind: System.Text.Json.JsonValueKind.Object } errors
            ? errors.EnumerateObject().ToDictionary(e => e.Name, e => e.Value.EnumerateArray().Select(m => m.GetString() ?? "").ToArray())
            : new Dictionary<string, string[]>();
}
