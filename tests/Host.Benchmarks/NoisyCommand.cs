using ExtensibilityHost.Testing.Api;

namespace ExtensibilityHost.Benchmarks;

/// <summary>
/// Issue 12's noisy neighbour (<see cref="NoisyNeighbourScenario"/>): the quiet tenant's extension
/// point latency alone and while the noisy tenant floods the host with endless loops and memory
/// bombs at ten times its rate limit, in interleaved rounds (solo, attacked, solo, …) so the
/// machine's noise falls on both; then the medians over the rounds. Settings given as
/// <c>Key=Value</c> arguments override the host's (e.g. to compare a limit's values).
/// </summary>
internal static class NoisyCommand
{
    private const double TargetP99Ratio = 1.25;
    private const double TargetHealthP99Ms = 100;

    /// <summary>A round counts as on an idle machine when everything else used less than this (of 2 cores).</summary>
    private const double IdleMachineCores = 0.25;

    public static int Run(double roundSeconds, int rounds, IReadOnlyDictionary<string, string?> overrides)
    {
        var figures = MeasureAsync(TimeSpan.FromSeconds(roundSeconds), rounds, overrides, Console.Out).GetAwaiter().GetResult();
        foreach (var figure in figures)
        {
            Console.WriteLine(FigureText.Invariant(
                $"{figure.Measure,-58} {FigureText.Value(figure),14}  {FigureText.Ratio(figure),-14} {(figure.Target is null ? "" : $"target {figure.Target}: {FigureText.Met(figure)}")}"));
        }

        return 0;
    }

    public static async Task<IReadOnlyList<Figure>> MeasureAsync(
        TimeSpan round, int rounds, IReadOnlyDictionary<string, string?> overrides, TextWriter output)
    {
        // WebApplicationFactory finds the content root from MvcTestingAppManifest.json in the working
        // directory (the output folder under dotnet test); from anywhere else, from this setting.
        Environment.SetEnvironmentVariable("ASPNETCORE_TEST_CONTENTROOT_EXTENSIBILITYHOST_API", RepositoryPaths.HostApi);
        await using var scenario = await NoisyNeighbourScenario.StartAsync(overrides);
        output.WriteLine(FigureText.Invariant(
            $"noisy neighbour: {Environment.ProcessorCount} cores, {rounds} rounds of {round.TotalSeconds:F0} s solo + {round.TotalSeconds:F0} s attacked; quiet {NoisyNeighbourScenario.QuietPerSecond}/s, flood {NoisyNeighbourScenario.FloodPerSecond}/s (limit {NoisyNeighbourScenario.PermitsPerSecond}/s)"));
        foreach (var (key, value) in overrides)
        {
            output.WriteLine($"  setting {key}={value}");
        }

        var solo = new List<NoisyNeighbourRound>();
        var attacked = new List<NoisyNeighbourRound>();
        for (var r = 0; r < rounds; r++)
        {
            solo.Add(await scenario.RunAsync(round, attack: false));
            Print(output, r, solo[^1]);
            attacked.Add(await scenario.RunAsync(round, attack: true));
            Print(output, r, attacked[^1]);

            // The noisy tenant's token bucket refills, so every attacked round starts with its burst.
            await Task.Delay(TimeSpan.FromSeconds((double)NoisyNeighbourScenario.Burst / NoisyNeighbourScenario.PermitsPerSecond));
        }

        var soloP50 = Median(solo, r => P(r.QuietLatenciesMs, 50));
        var soloP99 = Median(solo, r => P(r.QuietLatenciesMs, 99));
        var attackedP50 = Median(attacked, r => P(r.QuietLatenciesMs, 50));
        var attackedP99 = Median(attacked, r => P(r.QuietLatenciesMs, 99));
        var ratioP99 = Median(Enumerable.Range(0, rounds).Select(r => P(attacked[r].QuietLatenciesMs, 99) / P(solo[r].QuietLatenciesMs, 99)));
        var liveP99 = Median(attacked, r => P(r.LiveLatenciesMs, 99));
        var readyP99 = Median(attacked, r => P(r.ReadyLatenciesMs, 99));
        var quietErrors = solo.Concat(attacked).Sum(r => r.QuietFailures.Values.Sum());
        var healthErrors = solo.Concat(attacked).Sum(r => r.HealthFailures.Values.Sum());
        var noisy = attacked.SelectMany(r => r.NoisyAnswers).GroupBy(a => a.Key, StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Sum(a => a.Value), StringComparer.Ordinal);
        var how = FigureText.Invariant($"median of {rounds} interleaved rounds of {round.TotalSeconds:F0} s, Kestrel loopback");

        // The machine's other work (builds, test runs) lands on the same cores and dwarfs the effect
        // measured; rounds whose solo and attacked halves both had the machine to themselves say more.
        var idle = Enumerable.Range(0, rounds)
            .Where(r => solo[r].Machine.OtherCores < IdleMachineCores && attacked[r].Machine.OtherCores < IdleMachineCores).ToList();
        var idleHow = FigureText.Invariant($"median of the {idle.Count} of {rounds} rounds in which the rest of the machine used < {IdleMachineCores:F2} cores");
        List<Figure> idleFigures = idle.Count == 0
            ? [Figure.Plain("rounds on an otherwise idle machine", 0, "rounds", FigureText.Invariant($"the rest of the machine used ≥ {IdleMachineCores:F2} cores in every round"))]
            :
            [
                Figure.Plain("idle machine: quiet tenant solo p99", Median(idle.Select(r => P(solo[r].QuietLatenciesMs, 99))), "ms", idleHow),
                new Figure("idle machine: quiet tenant attacked p99", $"≤ {TargetP99Ratio:F2}× solo", Median(idle.Select(r => P(attacked[r].QuietLatenciesMs, 99))), "ms",
                    Median(idle.Select(r => P(attacked[r].QuietLatenciesMs, 99) / P(solo[r].QuietLatenciesMs, 99))), "solo (median of per-round ratios)",
                    Median(idle.Select(r => P(attacked[r].QuietLatenciesMs, 99) / P(solo[r].QuietLatenciesMs, 99))) <= TargetP99Ratio, idleHow),
                Figure.AtMost("idle machine: health /health/live p99 while attacked", Median(idle.Select(r => P(attacked[r].LiveLatenciesMs, 99))), "ms", TargetHealthP99Ms, idleHow),
                Figure.AtMost("idle machine: health /health/ready p99 while attacked", Median(idle.Select(r => P(attacked[r].ReadyLatenciesMs, 99))), "ms", TargetHealthP99Ms, idleHow),
            ];
        return
        [
            Figure.Plain("quiet tenant solo p50", soloP50, "ms", how),
            Figure.Plain("quiet tenant solo p99", soloP99, "ms", how),
            Figure.Versus("quiet tenant attacked p50", attackedP50, "ms", soloP50, "solo", how),
            new Figure("quiet tenant attacked p99", $"≤ {TargetP99Ratio:F2}× solo", attackedP99, "ms", ratioP99, "solo (median of per-round ratios)",
                ratioP99 <= TargetP99Ratio, how),
            Figure.AtMost("health /health/live p99 while attacked", liveP99, "ms", TargetHealthP99Ms, how),
            Figure.AtMost("health /health/ready p99 while attacked", readyP99, "ms", TargetHealthP99Ms, how),
            new Figure("quiet tenant errors (all rounds)", "0", quietErrors, "responses", Met: quietErrors == 0),
            new Figure("health probes not 200 (all rounds)", "0", healthErrors, "responses", Met: healthErrors == 0),
            Figure.Plain("noisy tenant 429s (all attacked rounds)", attacked.Sum(r => r.NoisyTooManyRequests), "responses", NoisyNeighbourRound.Describe(noisy)),
            Figure.Plain("noisy tenant timeouts (all attacked rounds)", noisy.GetValueOrDefault("504 timeout"), "responses"),
            Figure.Plain("noisy tenant out-of-memory (all attacked rounds)", noisy.GetValueOrDefault("507 out-of-memory"), "responses"),
            Figure.Plain("noisy tenant traps: bombs at 64 MiB (all attacked rounds)", noisy.GetValueOrDefault("502 trap"), "responses"),
            Figure.Plain("rest of the machine while attacked (median)", Median(attacked, r => r.Machine.OtherCores), "cores", "others' builds and tests on the same cores"),
            .. idleFigures,
        ];
    }

    private static void Print(TextWriter output, int round, NoisyNeighbourRound result)
    {
        output.WriteLine(FigureText.Invariant(
            $"  round {round + 1} {(result.Attacked ? "attacked" : "solo    ")}: quiet p50 {P(result.QuietLatenciesMs, 50),6:F2} ms p99 {P(result.QuietLatenciesMs, 99),7:F2} ms max {P(result.QuietLatenciesMs, 100),7:F2} ms ({result.QuietLatenciesMs.Count} ok, errors: {NoisyNeighbourRound.Describe(result.QuietFailures)}); live p50 {P(result.LiveLatenciesMs, 50):F2} p99 {P(result.LiveLatenciesMs, 99):F2} ms; ready p50 {P(result.ReadyLatenciesMs, 50):F2} p99 {P(result.ReadyLatenciesMs, 99):F2} ms; health errors: {NoisyNeighbourRound.Describe(result.HealthFailures)}"));
        output.WriteLine($"           {result.Machine}");
        if (result.Attacked)
        {
            output.WriteLine(FigureText.Invariant($"           noisy sent {result.NoisySent}: {NoisyNeighbourRound.Describe(result.NoisyAnswers)}"));
            foreach (var (kind, body) in result.NoisyServerErrors)
            {
                output.WriteLine($"           noisy tenant's first {kind}: {body}");
            }
        }
    }

    private static double P(IReadOnlyList<double> sorted, double percentile) => NoisyNeighbourRound.Percentile(sorted, percentile);

    private static double Median(IEnumerable<NoisyNeighbourRound> rounds, Func<NoisyNeighbourRound, double> figure) => Median(rounds.Select(figure));

    private static double Median(IEnumerable<double> values) => Percentiles.Of(values, 50);
}
