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
        var hash = text.LastIndexOf('#');
        if (hash < 0)
        {
            return string.IsNullOrWhiteSpace(text)
                ? throw new FormatException("An export name is required, e.g. 'run' or 'saas:extensibility/event-handler@1.0.0#handle'.")
                : new InvocationTarget(null, text);
        }

        var iface = text[..hash];
        var function = text[(hash + 1)..];
        if (iface.Length == 0 || function.Length == 0)
        {
            throw new FormatException($"'{text}' is not an export name: write 'interface#function', e.g. 'saas:extensibility/event-handler@1.0.0#handle'.");
        }

        return new InvocationTarget(iface, function);
    }

    /// <inheritdoc/>
    public override string ToString() => Interface is null ? Function : $"{Interface}#{Function}";
}
