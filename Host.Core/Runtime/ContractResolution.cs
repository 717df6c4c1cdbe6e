using ExtensibilityHost.Core.Components;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime;

/// <summary>
/// Lets the host call every version of a contract with one request: the export a call reaches,
/// and its arguments as that export declares them.
/// </summary>
/// <remarks>
/// The host builds its values for the newest contract (a 1.1 <c>event</c> carries
/// <c>metadata</c>) and names the interface it means (<c>saas:extensibility/event-handler@1.0.0</c>).
/// A component that exports a different minor version of that interface — same package, name and
/// major version — is called there; and a record argument loses the fields the export does not
/// declare, so a 1.0 handler gets the 1.0 event. Added fields are the only change a minor version
/// of a contract makes (the WIT files of wit/ keep to that).
/// </remarks>
internal static class ContractResolution
{
    public static (InvocationTarget Target, IReadOnlyList<ComponentValue> Arguments) Resolve(
        CompiledComponent component, InvocationTarget target, IReadOnlyList<ComponentValue> arguments)
    {
        if (target.Interface is null)
        {
            return (target, arguments);
        }

        var exports = component.CompiledTypes.Value;
        if ((exports.FindExport(target.Interface) ?? SameMajorVersion(exports, target.Interface)) is not { Kind: ComponentItemKind.Instance } instance)
        {
            return (target, arguments);
        }

        var resolved = instance.Name == target.Interface ? target : target with { Interface = instance.Name };
        if (instance.FindFunction(target.Function)?.Signature is not { } signature || signature.Parameters.Length != arguments.Count)
        {
            return (resolved, arguments);
        }

        ComponentValue[]? narrowed = null;
        for (var i = 0; i < arguments.Count; i++)
        {
            var value = Narrow(arguments[i], signature.Parameters[i].Type);
            if (!ReferenceEquals(value, arguments[i]))
            {
                narrowed ??= [.. arguments];
                narrowed[i] = value;
            }
        }

        return (resolved, narrowed ?? arguments);
    }

    /// <summary>Whether <paramref name="name"/> is <paramref name="interfaceName"/> at any version of the same major version.</summary>
    public static bool IsVersionOf(string? name, string interfaceName) =>
        name is not null && Split(name) is { } found && Split(interfaceName) is { } wanted
        && found.Prefix == wanted.Prefix && found.Version.Major == wanted.Version.Major;

    /// <summary>The exported instance of the same package, name and major version as <paramref name="name"/>, the highest version first.</summary>
    private static ComponentItem? SameMajorVersion(ComponentDescription exports, string name) =>
        exports.Exports
            .Where(item => item.Kind == ComponentItemKind.Instance && IsVersionOf(item.Name, name))
            .OrderByDescending(item => Split(item.Name)!.Value.Version)
            .FirstOrDefault();

    private static (string Prefix, Version Version)? Split(string name)
    {
        var at = name.LastIndexOf('@');
        return at > 0 && Version.TryParse(name[(at + 1)..], out var version) ? (name[..at], version) : null;
    }

    /// <summary><paramref name="value"/> without the record fields <paramref name="declared"/> does not have (at any depth of records).</summary>
    private static ComponentValue Narrow(ComponentValue value, WitType declared)
    {
        if (declared is not WitType.Record record || value.Kind != ComponentValueKind.Record)
        {
            return value;
        }

        var fields = value.AsRecord();
        var kept = new List<KeyValuePair<string, ComponentValue>>(record.Fields.Length);
        var changed = false;
        foreach (var field in fields)
        {
            if (record.Fields.FirstOrDefault(f => f.Name == field.Key) is not { } declaredField)
            {
                changed = true;
                continue;
            }

            var narrowed = Narrow(field.Value, declaredField.Type);
            changed |= !ReferenceEquals(narrowed, field.Value);
            kept.Add(new(field.Key, narrowed));
        }

        return changed ? ComponentValue.Record(kept) : value;
    }
}
