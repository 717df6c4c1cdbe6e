namespace ExtensibilityHost.Core.Tests.Runtime;

[Collection(RuntimeCollection.Name)]
public sealed class FuelTests(RuntimeFixture runtime)
{
    private static readonly InvocationContext Context = InvocationContext.Local("fuel");

    private InvocationResult Spin(uint n, ulong? fuel = null) =>
        runtime.FuelSandbox.Invoke(
            runtime.Wat("fuel", fuel: true), new InvocationTarget(null, "spin"), [ComponentValue.U32(n)], Context,
            SandboxLimits.Default with { Fuel = fuel, Timeout = TimeSpan.FromSeconds(10) });

    [Fact]
    public void Invoke_SameCall_ConsumesTheSameFuelEveryRun()
    {
        var runs = Enumerable.Range(0, 5).Select(_ => Spin(10_000)).ToList();

        Assert.All(runs, run => Assert.Equal(InvocationOutcome.Ok, run.Outcome));
        Assert.True(runs[0].FuelConsumed > 10_000, $"consumed {runs[0].FuelConsumed}");
        Assert.Single(runs.Select(run => run.FuelConsumed).Distinct());
    }

    [Fact]
    public void Invoke_MoreWork_ConsumesMoreFuel()
    {
        var small = Spin(1_000);
        var large = Spin(2_000);

        Assert.True(large.FuelConsumed > small.FuelConsumed);
    }

    [Fact]
    public void Invoke_BudgetTooSmall_IsOutOfFuel()
    {
        var result = Spin(1_000_000, fuel: 10_000);

        Assert.Equal(InvocationOutcome.OutOfFuel, result.Outcome);
        Assert.Equal(10_000UL, result.FuelConsumed);
    }

    [Fact]
    public void Invoke_EngineWithoutFuel_ReportsNoFuel()
    {
        var result = runtime.Sandbox.Invoke(runtime.Wat("fuel"), new InvocationTarget(null, "spin"), [ComponentValue.U32(10)], Context);

        Assert.Equal(InvocationOutcome.Ok, result.Outcome);
        Assert.Null(result.FuelConsumed);
    }
}
