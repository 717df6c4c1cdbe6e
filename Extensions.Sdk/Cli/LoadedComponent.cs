using ExtensibilityHost.Core.Components;
using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>A component file, compiled and described.</summary>
internal sealed record LoadedComponent(string Path, int SizeBytes, CompiledComponent Compiled, ComponentDescription Description);
