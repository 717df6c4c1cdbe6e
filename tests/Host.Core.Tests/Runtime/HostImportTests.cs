using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime.Imports;
using ExtensibilityHost.Core.Runtime.Imports.KeyValue;

namespace ExtensibilityHost.Core.Tests.Runtime;

[Collection(RuntimeCollection.Name)]
public sealed class HostImportTests(RuntimeFixture runtime)
{
    private InvocationResult Run(string export, InvocationContext context) =>
        runtime.Sandbox.Invoke(runtime.Wat("host-imports"), new InvocationTarget(null, export), [], context);

    private static InvocationContext For(string tenant, string component) =>
        new() { TenantId = tenant, ComponentName = component, Version = "1" };

    [Fact]
    public void KeyValue_SameTenantAndComponent_SeesItsOwnWrites()
    {
        var context = For("kv-tenant-a", "counter");

        var first = Run("bump", context);
        var second = Run("bump", context);

        Assert.Equal(1u, first.Output!.AsU32());
        Assert.Equal(2u, second.Output!.AsU32());
    }

    [Fact]
    public void KeyValue_OtherTenant_CannotSeeTheKeys()
    {
        Run("bump", For("kv-tenant-b", "counter"));
        Run("bump", For("kv-tenant-b", "counter"));

        var otherTenant = Run("bump", For("kv-tenant-c", "counter"));

        Assert.Equal(1u, otherTenant.Output!.AsU32());
    }

    [Fact]
    public void KeyValue_OtherComponentOfTheSameTenant_CannotSeeTheKeys()
    {
        Run("bump", For("kv-tenant-d", "counter"));

        var otherComponent = Run("bump", For("kv-tenant-d", "other"));

        Assert.Equal(1u, otherComponent.Output!.AsU32());
    }

    [Fact]
    public void Config_SettingOfTheRunningComponent_IsReturned()
    {
        runtime.Config.Set("cfg-tenant", "greeter", "greeting", "hello from config");
        runtime.Config.Set("cfg-tenant", "someone-else", "greeting", "not mine");

        var result = Run("greeting", For("cfg-tenant", "greeter"));

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.True(result.Output!.IsSome);
        Assert.Equal("hello from config", result.Output.Payload!.AsString());
    }

    [Fact]
    public void Config_MissingSetting_IsNone()
    {
        var result = Run("greeting", For("cfg-tenant", "unconfigured"));

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.False(result.Output!.IsSome);
    }

    [Fact]
    public void HostImportThatThrows_IsHostErrorNotATrap()
    {
        var result = Run("explode", For("cfg-tenant", "greeter"));

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Null(result.Trap);
        Assert.Contains("config store unavailable", result.Error, StringComparison.Ordinal);
    }

    [Fact]
    public void Logging_LinesFromAGuest_AreCapturedInTheResult()
    {
        var component = runtime.Wat("event-handler");
        var result = runtime.Sandbox.Invoke(
            component, new InvocationTarget("saas:extensibility/event-handler@1.0.0", "handle"), [Events.Sample()], For("log-tenant", "wat"));

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        var line = Assert.Single(result.Logs);
        Assert.Equal(GuestLogLevel.Info, line.Level);
        Assert.Equal("wat handler: event received", line.Message);
    }

    /// <summary>
    /// key-value.set through the host's wrapper (KeyValueSetLowering): a value of any bytes,
    /// lowered at an odd address (the 11-byte UTF-8 key comes first), under a non-ASCII key,
    /// reads back exactly.
    /// </summary>
    [Fact]
    public void KeyValueSet_AnyBytesUnderAUnicodeKeyAtAnOddAddress_ReadBackUnchanged()
    {
        var guest = runtime.Wat("key-value");
        var context = For("kv-tenant-bytes", "store");
        byte[] value = [0, 255, 128, 0xc3, 0x28, 7];

        var put = runtime.Sandbox.Invoke(guest, new InvocationTarget(null, "put"), [ComponentValue.String("ключ-ü"), ComponentValue.List([.. value.Select(ComponentValue.U8)])], context);
        var get = runtime.Sandbox.Invoke(guest, new InvocationTarget(null, "get"), [ComponentValue.String("ключ-ü")], context);

        Assert.Equal(InvocationOutcome.Ok, put.Outcome);
        Assert.True(put.Output!.IsOk);
        Assert.Equal(value, get.Output!.Payload!.AsList().Select(item => item.AsU8()));
        Assert.Equal(value, runtime.KeyValue.Get(new KeyValueScope("kv-tenant-bytes", "store"), "ключ-ü"));
    }

    [Fact]
    public void Inspect_ComponentWithKeyValueSet_ShowsSetAsDeclaredAndAllowsTheAdaptersMemory()
    {
        var compiled = runtime.Wat("key-value");

        var set = runtime.Engine.Inspect(compiled).FindImport(HostInterfaces.KeyValue)!.FindFunction("set")!;

        Assert.Equal(
            ComponentFunctionSignature.Of(WitType.ResultOf(null, WitType.String), ("key", WitType.String), ("value", WitType.ListOf(WitType.U8))),
            set.Signature);
        Assert.Equal(1, compiled.AddedMemories);
        Assert.Equal(0, runtime.Wat("add").AddedMemories);
    }

    /// <summary>
    /// A component whose key-value import comes after a definition cannot be wrapped; rather than
    /// lift its set values one host object per byte, the host refuses to run it.
    /// </summary>
    [Fact]
    public void KeyValueSet_ImportedAfterADefinition_IsRefusedWithoutRunning()
    {
        var result = runtime.Sandbox.Invoke(runtime.Wat("key-value-late-import"), new InvocationTarget(null, "run"), [], For("kv-tenant-late", "late"));

        Assert.Equal(InvocationOutcome.HostError, result.Outcome);
        Assert.Contains("key-value.set in a shape the host cannot bound", result.Error, StringComparison.Ordinal);
        Assert.Null(runtime.KeyValue.Get(new KeyValueScope("kv-tenant-late", "late"), "k"));
    }
}
