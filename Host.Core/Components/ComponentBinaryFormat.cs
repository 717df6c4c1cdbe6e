namespace ExtensibilityHost.Core.Components;

/// <summary>What the first bytes of an upload say it is.</summary>
public enum ComponentBinaryFormat
{
    /// <summary>A WebAssembly component (layer 1, version 0x0d) whose top-level sections are all complete.</summary>
    Component,

    /// <summary>A core WebAssembly module (layer 0, version 1).</summary>
    CoreModule,

    /// <summary>Not WebAssembly.</summary>
    NotWasm,

    /// <summary>No bytes.</summary>
    Empty,

    /// <summary>Starts like WebAssembly but ends early.</summary>
    Truncated,

    /// <summary>WebAssembly of a version or layer this host does not read.</summary>
    UnsupportedVersion,
}
