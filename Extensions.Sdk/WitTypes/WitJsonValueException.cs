using System.Globalization;
using System.Text;
using System.Text.Json;

namespace ExtensibilityHost.Sdk.Wit.Runtime;

/// <summary>
/// JSON that does not fit the WIT type the generated <c>…Json</c> classes expected. The message names
/// the JSON path and the mismatch the way the host's converter does (<c>docs/json-mapping.md</c>), e.g.
/// <c>result of acme:shop/pricing@1.0.0#discount at $.ok.skus[1]: expected string, got number 5</c>.
/// </summary>
public sealed class WitJsonValueException : Exception
{
    // Segments are added while the exception unwinds through the decoders, innermost first, so a
    // successful decode never pays for path tracking.
    private readonly List<(string? Property, int Index)> _reversedPath = [];

    /// <summary>Creates the exception.</summary>
    public WitJsonValueException()
        : this("the JSON does not fit its WIT type")
    {
    }

    /// <summary>Creates the exception for a mismatch at the root of the decoded value.</summary>
    /// <param name="problem">The mismatch, e.g. <c>expected u32, got string "x"</c>.</param>
    public WitJsonValueException(string problem)
        : base(problem)
    {
        Problem = problem;
    }

    /// <summary>Creates the exception.</summary>
    /// <param name="problem">The mismatch.</param>
    /// <param name="innerException">The cause.</param>
    public WitJsonValueException(string problem, Exception innerException)
        : base(problem, innerException)
    {
        Problem = problem;
    }

    /// <summary>What was decoded, e.g. <c>result of acme:shop/pricing@1.0.0#discount</c>; empty when the caller decoded a value itself.</summary>
    public string Subject { get; private set; } = string.Empty;

    /// <summary>Where in the decoded JSON, e.g. <c>$.lines[2].quantity</c>; <c>$</c> is the value itself.</summary>
    public string JsonPath
    {
        get
        {
            var text = new StringBuilder("$");
            for (var i = _reversedPath.Count - 1; i >= 0; i--)
            {
                var (property, index) = _reversedPath[i];
                if (property is null)
                {
                    text.Append('[').Append(index.ToString(CultureInfo.InvariantCulture)).Append(']');
                }
                else if (property.Length > 0 && property.All(c => char.IsAsciiLetterOrDigit(c) || c == '-' || c == '_'))
                {
                    text.Append('.').Append(property);
                }
                else
                {
                    text.Append("[\"").Append(JsonEncodedText.Encode(property).ToString()).Append("\"]");
                }
            }

            return text.ToString();
        }
    }

    /// <summary>The mismatch alone, e.g. <c>expected u32, got string "x"</c>.</summary>
    public string Problem { get; } = string.Empty;

    /// <inheritdoc/>
    public override string Message => Subject.Length == 0 ? $"at {JsonPath}: {Problem}" : $"{Subject} at {JsonPath}: {Problem}";

    internal WitJsonValueException AtProperty(string name)
    {
        _reversedPath.Add((name, 0));
        return this;
    }

    internal WitJsonValueException AtIndex(int index)
    {
        _reversedPath.Add((null, index));
        return this;
    }

    internal WitJsonValueException About(string subject)
    {
        Subject = subject;
        return this;
    }
}
