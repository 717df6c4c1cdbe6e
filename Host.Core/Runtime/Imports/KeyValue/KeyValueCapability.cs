using System.Runtime.CompilerServices;
using System.Text;
using ExtensibilityHost.Sdk.Wit.Runtime;
using Microsoft.Extensions.Options;
using Wasmtime.Components;
using V1_0 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_0_0.KeyValue;
using V1_1 = ExtensibilityHost.Core.Contract.Saas.Extensibility.V1_1_0.KeyValue;

namespace ExtensibilityHost.Core.Runtime.Imports.KeyValue;

/// <summary>
/// <c>saas:extensibility/key-value</c>, every version the host serves, through the generated
/// bindings: scoped to the running tenant and component, so one tenant's component can never name
/// another's keys. Size caps are a WIT <c>err</c>, not a trap. A shadow run
/// (<see cref="InvocationContext.IsShadow"/>) writes to an overlay dropped after the call.
/// </summary>
internal sealed class KeyValueCapability(IKeyValueStore store, IOptions<KeyValueOptions> caps) : IHostCapability, V1_0.IKeyValue, V1_1.IKeyValue
{
    private readonly KeyValueOptions options = caps.Value;
    private static readonly UTF8Encoding StrictUtf8 = new(encoderShouldEmitUTF8Identifier: false, throwOnInvalidBytes: true);
    private readonly ConditionalWeakTable<InvocationScope, OverlayKeyValueStore> _overlays = new();

    public void Link(ComponentLinker linker)
    {
        ArgumentNullException.ThrowIfNull(linker);
        V1_0.KeyValueImport.Link(linker, () => this, Wrap);
        V1_1.KeyValueImport.Link(linker, () => this, Wrap);
    }

    /// <summary><c>get</c> of either version.</summary>
    public byte[]? Get(string key) => CurrentStore().Get(CurrentScope(), key);

    /// <summary><c>set</c> of either version, its value lifted as WIT declares it (a component <see cref="KeyValueSetLowering"/> did not wrap).</summary>
    public Result<Unit, string> Set(string key, byte[] value) => AsResult(Validate(key, value.Length) ?? CurrentStore().Set(CurrentScope(), key, value));

    /// <summary><c>delete</c> of either version.</summary>
    public void Delete(string key) => CurrentStore().Delete(CurrentScope(), key);

    /// <summary>
    /// Every function guarded (<see cref="HostFunction.Guard"/>); <c>set</c> also takes the value as
    /// the <see cref="KeyValueSetLowering"/> wrapper lowers it, one Latin-1 character per byte, which
    /// the generated binding (a <c>list&lt;u8&gt;</c>) cannot read.
    /// </summary>
    private ComponentFunctionCallback Wrap(string function, ComponentFunctionCallback body) =>
        HostFunction.Guard(function == "set" ? AcceptingLatin1(body) : body);

    private ComponentFunctionCallback AcceptingLatin1(ComponentFunctionCallback set) => (arguments, results) =>
    {
        if (arguments[1].Kind != ComponentValueKind.String)
        {
            set(arguments, results);
            return;
        }

        results[0] = WitValues.FromResult(AsResult(SetLatin1(arguments[0].AsString(), arguments[1].AsString())), null, ComponentValue.String);
    };

    private static Result<Unit, string> AsResult(string? error) => error is null ? Result<Unit, string>.Ok(Unit.Value) : Result<Unit, string>.Err(error);

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

        return AsAscii(Validate(decodedKey, bytes.Length) ?? CurrentStore().Set(CurrentScope(), decodedKey, bytes));
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

}
