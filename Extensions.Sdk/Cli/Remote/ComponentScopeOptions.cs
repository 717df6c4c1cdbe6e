using System.CommandLine;
using ExtensibilityHost.Sdk.Cli.Project;

namespace ExtensibilityHost.Sdk.Cli.Remote;

/// <summary>
/// <c>--component</c> and <c>--all</c> of <c>status</c> and <c>logs</c>: one component, by default the
/// project's in the current folder; every component of the tenant outside a project or with <c>--all</c>.
/// </summary>
internal sealed class ComponentScopeOptions
{
    public Option<string?> Component { get; } = new("--component") { Description = "Only this component (default: the project's in this folder, else all)." };

    public Option<bool> All { get; } = new("--all") { Description = "Every component of the tenant, even inside a project." };

    public void AddTo(Command command)
    {
        command.Options.Add(Component);
        command.Options.Add(All);
    }

    /// <summary>The one component to show, or null for all of them.</summary>
    public string? Resolve(ParseResult parse) =>
        parse.GetValue(Component) ?? (parse.GetValue(All) ? null : ProjectManifest.Find(".")?.Name);
}
