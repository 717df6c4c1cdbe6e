using System.Text.Json;

namespace ExtensibilityHost.Sdk.Client;

/// <summary>The extension returned <c>err</c> (<c>guest-error</c>, 422): a failure it reported itself.</summary>
public sealed class ExtensionGuestErrorException(ExtensibilityHostProblem problem) : ExtensionCallFailedException(problem)
{
    /// <summary>The <c>err</c> payload as JSON, e.g. a <c>failure</c> record <c>{"code": …, "message": …}</c>.</summary>
    public JsonElement? ErrorValue => Problem.Member("errorValue");
}
