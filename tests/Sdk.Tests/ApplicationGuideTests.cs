namespace ExtensibilityHost.Sdk.Tests;

/// <summary>docs/application.md shows the sample application that builds with the solution, not a copy that drifts.</summary>
public sealed class ApplicationGuideTests
{
    [Fact]
    public void CompleteSample_IsTheCheckoutSamplesProgramVerbatim()
    {
        var guide = File.ReadAllText(Path.Combine(Projects.RepositoryRoot, "docs", "application.md")).ReplaceLineEndings("\n");
        var program = File.ReadAllText(Path.Combine(Projects.RepositoryRoot, "samples", "Checkout", "Program.cs")).ReplaceLineEndings("\n");
        const string Lead = "This is its `Program.cs`:\n\n```csharp\n";

        var start = guide.IndexOf(Lead, StringComparison.Ordinal);
        Assert.True(start >= 0, "docs/application.md no longer introduces the sample's Program.cs");
        var body = guide[(start + Lead.Length)..];
        Assert.Equal(program.TrimEnd('\n'), body[..body.IndexOf("\n```", StringComparison.Ordinal)]);
    }
}
