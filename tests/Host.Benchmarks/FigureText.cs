using System.Globalization;

namespace ExtensibilityHost.Benchmarks;

/// <summary>How figures are written: invariant culture, precision by magnitude.</summary>
internal static class FigureText
{
    /// <summary><c>1,234</c> from 100 up, <c>12.3</c> from 10, <c>1.23</c> below.</summary>
    public static string Number(double value) => Math.Abs(value) switch
    {
        >= 100 => value.ToString("N0", CultureInfo.InvariantCulture),
        >= 10 => value.ToString("F1", CultureInfo.InvariantCulture),
        0 => "0",
        _ => value.ToString("F2", CultureInfo.InvariantCulture),
    };

    /// <summary>The figure with its unit.</summary>
    public static string Value(Figure figure) => $"{Number(figure.Value)} {figure.Unit}";

    /// <summary><c>1.23× raw</c>, or empty without a ratio.</summary>
    public static string Ratio(Figure figure) =>
        figure.Ratio is { } ratio ? $"{ratio.ToString("F2", CultureInfo.InvariantCulture)}× {figure.RatioTo}" : "";

    /// <summary><c>yes</c>, <c>no</c>, or empty without a target.</summary>
    public static string Met(Figure figure) => figure.Met switch
    {
        true => "yes",
        false => "no",
        null => "",
    };

    /// <summary>A line written with the invariant culture.</summary>
    public static string Invariant(FormattableString line) => line.ToString(CultureInfo.InvariantCulture);
}
