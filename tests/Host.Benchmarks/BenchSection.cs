namespace ExtensibilityHost.Benchmarks;

/// <summary>A numbered group of figures in the report (1 fresh sandbox, 2 events, …).</summary>
internal sealed record BenchSection(int Number, string Title, IReadOnlyList<Figure> Figures);
