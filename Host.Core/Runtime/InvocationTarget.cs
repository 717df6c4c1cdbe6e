namespace ExtensibilityHost.Core.Runtime;

/// <summary>An exported function: <c>function</c> at the component root, or <c>interface#function</c>.</summary>
/// <param name="Interface">The exported interface instance, e.g. <c>saas:extensibility/event-handler@1.0.0</c>, or <see langword="null"/> for a root export.</param>
/// <param name="Function">The function name.</param>
public sealed record InvocationTarget(string? Interface, string Function)
{
    /// <summary>Parses <c>func</c> or <c>interface#func</c>.</summary>
    /// <exception cref="FormatException">The text is empty or has an empty part.</exception>
    public static InvocationTarget Parse(string text)
    {
        ArgumentNullException.ThrowIfNull(text);
        return Split(text, text.LastIndexOf('#'), "write 'interface#function', e.g. 'saas:extensibility/event-handler@1.0.0#handle'");
    }

    /// <summary>
    /// Parses the path form of the HTTP API, <c>interface/function</c> or <c>function</c>: the
    /// interface keeps its own slash (<c>acme:shop/pricing@1.0.0/discount</c>), so the last slash
    /// separates the function; <c>%2F</c> counts as a slash.
    /// </summary>
    /// <exception cref="FormatException">The path is empty or has an empty part.</exception>
    public static InvocationTarget ParsePath(string path)
    {
        ArgumentNullException.ThrowIfNull(path);
        var text = Uri.UnescapeDataString(path).Trim('/');
        return Split(text, text.LastIndexOf('/'), "use …/invoke/{interface}/{function}, or …/invoke/{function} for a root export");
    }

    /// <inheritdoc/>
    public override string ToString() => Interface is null ? Function : $"{Interface}#{Function}";

    private static InvocationTarget Split(string text, int separator, string hint)
    {
        if (separator < 0)
        {
            return string.IsNullOrWhiteSpace(text)
                ? throw new FormatException($"An export name is required: {hint}.")
                : new InvocationTarget(null, text);
        }

        var iface = text[..separator];
        var function = text[(separator + 1)..];
        return iface.Length == 0 || function.Length == 0
            ? throw new FormatException($"'{text}' is not an export name: {hint}.")
            : new InvocationTarget(iface, function);
    }

}
