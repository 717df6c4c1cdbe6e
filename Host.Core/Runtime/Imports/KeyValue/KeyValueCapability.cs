using System.Runtime.CompilerServices;
using System.Text;
using Microsoft.Extensions.Options;
using Wasmtime.Components;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// <c>saas:extensibility/key-value</c>: scoped to the running tenant and component, so one
/// tenant's component can never name another's keys. Size caps are a WIT <c>err</c>, not a trap.
/// A shadow run (<see cref="InvocationContext.IsShadow"/>) writes to an overlay dropped after the call.
/// </summary>
internal sealed class KeyValueCapability(IKeyValueStore store, IOptions<KeyValueOptions> caps) : IHostCapability
{
    private readonly KeyValueOptions options = caps.Value;
    private readonly ConditionalWeakTable<InvocationScope, OverlayKeyValueStore> _overlays = new();

    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        using var root = linker.Root();
        using var keyValue = root.AddInstance(HostInterfaces.KeyValue);
        keyValue.DefineFunction("get", HostFunction.Guard((arguments, results) =>
        {
            var value = CurrentStore().Get(CurrentScope(), arguments[0].AsString());
            results[0] = value is null ? ComponentValue.None() : ComponentValue.Some(ToList(value));
        }));
        keyValue.DefineFunction("set", HostFunction.Guard((arguments, results) =>
        {
            var key = arguments[0].AsString();
            var value = FromList(arguments[1]);
            var error = Validate(key, value.Length) ?? CurrentStore().Set(CurrentScope(), key, value);
            results[0] = error is null ? ComponentValue.Ok(null) : ComponentValue.Err(ComponentValue.String(error));
        }));
        keyValue.DefineFunction("delete", HostFunction.Guard((arguments, _) =>
            CurrentStore().Delete(CurrentScope(), arguments[0].AsString())));
    }

    private IKeyValueStore CurrentStore()
    {
        var scope = InvocationScope.Current;
        return scope.Context.IsShadow ? _overlays.GetValue(scope, _ => new OverlayKeyValueStore(store)) : store;
    }

    private static KeyValueScope CurrentScope()
    {
        var context = InvocationScope.Current.Context;
        return new KeyValueScope(context.TenantId, context.ComponentName);
    }

    private string? Validate(string key, int valueLength)
    {
        var keyBytes = Encoding.UTF8.GetByteCount(key);
        if (keyBytes == 0)
        {
            return "key must not be empty";
        }

        if (keyBytes > options.MaxKeyBytes)
        {
            return $"key is {keyBytes} bytes; the limit is {options.MaxKeyBytes}";
        }

        return valueLength > options.MaxValueBytes
            ? $"value is {valueLength} bytes; the limit is {options.MaxValueBytes}"
            : null;
    }

    private static ComponentValue ToList(byte[] bytes)
    {
        var items = new ComponentValue[bytes.Length];
        for (var i = 0; i < bytes.Length; i++)
        {
            items[i] = ComponentValue.U8(bytes[i]);
        }

        return ComponentValue.List(items);
    }

    private static byte[] FromList(ComponentValue list)
    {
        var items = list.AsList();
        var bytes = new byte[items.Count];
        for (var i = 0; i < bytes.Length; i++)
        {
            bytes[i] = items[i].AsU8();
        }

        return bytes;
    }
}
