using Wasmtime;

namespace ExtensibilityHost.Core.Tests.Runtime;

/// <summary>Every pattern of the classifier, on Wasmtime 50.0.1's own wording (the real-guest tests prove the common ones end to end).</summary>
public sealed class OutcomeClassifierTests
{
    private static WasmtimeException Trap(string cause) =>
        new($"error while executing at wasm backtrace:\n    0:     0x2a - m!<wasm function 0>\n\nCaused by:\n    {cause}\n");

    [Theory]
    [InlineData("wasm trap: interrupt", InvocationOutcome.Timeout, null)]
    [InlineData("wasm trap: all fuel consumed by WebAssembly", InvocationOutcome.OutOfFuel, null)]
    [InlineData("wasm trap: call stack exhausted", InvocationOutcome.Trap, TrapKind.StackOverflow)]
    [InlineData("wasm trap: wasm `unreachable` instruction executed", InvocationOutcome.Trap, TrapKind.Unreachable)]
    [InlineData("0: memory fault at wasm address 0xf423f in linear memory of size 0x10000\n    1: wasm trap: out of bounds memory access", InvocationOutcome.Trap, TrapKind.MemoryOutOfBounds)]
    [InlineData("wasm trap: integer divide by zero", InvocationOutcome.Trap, TrapKind.IntegerDivisionByZero)]
    [InlineData("wasm trap: integer overflow", InvocationOutcome.Trap, TrapKind.IntegerOverflow)]
    [InlineData("wasm trap: invalid conversion to integer", InvocationOutcome.Trap, TrapKind.BadConversionToInteger)]
    [InlineData("wasm trap: indirect call type mismatch", InvocationOutcome.Trap, TrapKind.IndirectCall)]
    [InlineData("wasm trap: uninitialized element", InvocationOutcome.Trap, TrapKind.IndirectCall)]
    [InlineData("wasm trap: misaligned memory access", InvocationOutcome.Trap, TrapKind.HeapMisaligned)]
    [InlineData("wasm trap: cannot enter component instance", InvocationOutcome.Trap, TrapKind.ComponentReentrance)]
    [InlineData("wasm trap: something new in a later Wasmtime", InvocationOutcome.Trap, TrapKind.Other)]
    public void Classify_TrapMessage_GivesItsOutcomeAndKind(string cause, InvocationOutcome outcome, TrapKind? trap)
    {
        var (actualOutcome, actualTrap, _) = OutcomeClassifier.Classify(Trap(cause), hostFault: null);

        Assert.Equal(outcome, actualOutcome);
        Assert.Equal(trap, actualTrap);
    }

    [Theory]
    [InlineData("string pointer/length out of bounds of memory", TrapKind.StringOutOfBounds)]
    [InlineData("list pointer/length out of bounds of memory", TrapKind.ListOutOfBounds)]
    [InlineData("invalid variant discriminant for `decision`", TrapKind.InvalidValue)]
    [InlineData("invalid char", TrapKind.InvalidValue)]
    public void Classify_CanonicalAbiError_IsATrapOfItsKind(string message, TrapKind trap)
    {
        var (outcome, kind, error) = OutcomeClassifier.Classify(new WasmtimeException(message), hostFault: null);

        Assert.Equal(InvocationOutcome.Trap, outcome);
        Assert.Equal(trap, kind);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Classify_HostcallCopyFuelExhausted_IsAHostCopyLimitTrap()
    {
        const string message = "too much data is being copied between the host and the guest: fuel allocated for hostcalls has been exhausted";

        var (outcome, trap, error) = OutcomeClassifier.Classify(Trap(message), hostFault: null);

        Assert.Equal(InvocationOutcome.Trap, outcome);
        Assert.Equal(TrapKind.HostCopyLimit, trap);
        Assert.Equal(message, error);
    }

    [Fact]
    public void Classify_MemoryLimitAtInstantiation_IsOutOfMemory()
    {
        var (outcome, trap, _) = OutcomeClassifier.Classify(new WasmtimeException("memory minimum size of 2048 pages exceeds memory limits"), null);

        Assert.Equal(InvocationOutcome.OutOfMemory, outcome);
        Assert.Null(trap);
    }

    [Fact]
    public void Classify_WithAHostFault_IsHostErrorWhateverWasmtimeSays()
    {
        var (outcome, trap, error) = OutcomeClassifier.Classify(Trap("database unavailable"), new InvalidOperationException("database unavailable"));

        Assert.Equal(InvocationOutcome.HostError, outcome);
        Assert.Null(trap);
        Assert.Equal("host import failed: database unavailable", error);
    }

    [Fact]
    public void Classify_NonTrapWasmtimeError_IsHostError()
    {
        var (outcome, _, _) = OutcomeClassifier.Classify(new WasmtimeException("component imports instance `x`, but a matching implementation was not found in the linker"), null);

        Assert.Equal(InvocationOutcome.HostError, outcome);
    }

    [Fact]
    public void Cause_StripsTheBacktraceAndCauseNumbers()
    {
        var cause = OutcomeClassifier.Cause(Trap("0: memory fault at wasm address 0x10\n    1: wasm trap: out of bounds memory access").Message);

        Assert.Equal("memory fault at wasm address 0x10; wasm trap: out of bounds memory access", cause);
    }
}
