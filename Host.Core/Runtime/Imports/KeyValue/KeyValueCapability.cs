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
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ConditionalWeakTable<InvocationScope, OverlayKeyValueStore> _overlays = new();

    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        using var root = linker.Root();
        foreach (var name in HostInterfaces.AllVersions("key-value"))
        {
            using var keyValue = root.AddInstance(name);
            Define(keyValue);
        }
    }

    private void Define(ComponentLinkerInstance keyValue)
    {
        keyValue.DefineFunction("get", HostFunction.Guard((arguments, results) =>
        {
            var value = CurrentStore().Get(CurrentScope(), arguments[0].AsString());
            results[0] = value is null ? ComponentValue.None() : ComponentValue.Some(ToList(value));
        }));
        keyValue.DefineFunction("set", HostFunction.Guard((arguments, results) =>
        {
            var error = arguments[1].Kind == ComponentValueKind.String
                ? SetLatin1(arguments[0].AsString(), arguments[1].AsString())
                : Set(arguments[0].AsString(), FromList(arguments[1]));
            results[0] = error is null ? ComponentValue.Ok(null) : ComponentValue.Err(ComponentValue.String(error));
        }));
        keyValue.DefineFunction("delete", HostFunction.Guard((arguments, _) =>
            CurrentStore().Delete(CurrentScope(), arguments[0].AsString())));
    }

    /// <inheritdoc/>
    public byte[]? Adapt(ReadOnlySpan<byte> component) => KeyValueSetLowering.Rewrite(component);

    /// <inheritdoc/>
    public string? Refuse(CompiledComponent component)
    {
        ArgumentNullException.ThrowIfNull(component);
        return component.ImportNames.Any(KeyValueSetLowering.IsKeyValue) && KeyValueSetLowering.ValueIsByteList(component.CompiledTypes.Value)
            ? "the component lowers key-value.set in a shape the host cannot bound (for example inside a nested component); build it with standard component tooling"
            : null;
    }

    private string? Set(string key, byte[] value) => Validate(key, value.Length) ?? CurrentStore().Set(CurrentScope(), key, value);

    /// <summary>
    /// <c>set</c> of a component compiled with <see cref="KeyValueSetLowering"/>: key and value
    /// arrive as one character per byte. The value's length is checked before any copy, and what
    /// goes back to the guest is ASCII, which Latin-1 writes as the same bytes UTF-8 would.
    /// </summary>
    private string? SetLatin1(string key, string value)
    {
        if (key.Length > options.MaxKeyBytes || value.Length > options.MaxValueBytes)
        {
            return Validate(key, value.Length);
        }

        if (!TryLatin1Bytes(value, out var bytes))
        {
            return "value is not a list of bytes";
        }

        if (!TryLatin1Bytes(key, out var keyBytes) || !TryDecodeUtf8(keyBytes, out var decodedKey))
        {
            return "key is not valid UTF-8";
        }

        return AsAscii(Set(decodedKey, bytes));
    }

    private static bool TryLatin1Bytes(string text, out byte[] bytes)
    {
        bytes = new byte[text.Length];
        for (var i = 0; i < text.Length; i++)
        {
            // Above 0xFF the guest's length carried the UTF-16 tag: not bytes.
            if (text[i] > 0xff)
            {
                return false;
            }

            bytes[i] = (byte)text[i];
        }

        return true;
    }

    private static bool TryDecodeUtf8(byte[] bytes, out string text)
    {
        try
        {
            text = StrictUtf8.GetString(bytes);
            return true;
        }
        catch (DecoderFallbackException)
        {
            text = string.Empty;
            return false;
        }
    }

    private static string? AsAscii(string? text) =>
        text is null || System.Text.Ascii.IsValid(text) ? text : string.Create(text.Length, text, static (span, source) =>
        {
            for (var i = 0; i < source.Length; i++)
            {
                span[i] = char.IsAscii(source[i]) ? source[i] : '?';
            }
        });

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
