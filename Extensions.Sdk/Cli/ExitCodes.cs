using ExtensibilityHost.Core.Runtime;

namespace ExtensibilityHost.Sdk.Cli;

/// <summary>The documented exit codes of <c>ext</c> (docs/cli.md). Scripts may rely on them.</summary>
public static class ExitCodes
{
    /// <summary>Success: the call returned <c>ok</c>, or the component conforms.</summary>
    public const int Ok = 0;

    /// <summary>The command line is wrong (unknown option, missing argument).</summary>
    public const int Usage = 1;

    /// <summary>The input is unusable: file missing, not a component, bad WAT, unknown export, arguments that do not match the WIT types.</summary>
    public const int InvalidInput = 2;

    /// <summary><c>inspect</c>, <c>validate</c>, <c>build</c>: the component implements no world, imports what the host does not provide, or is over the size cap.</summary>
    public const int DoesNotConform = 3;

    /// <summary><c>build</c>: the project's build failed, or wrote no component.</summary>
    public const int BuildFailed = 4;

    /// <summary><c>run</c>, <c>test</c>: the component returned <c>err</c>.</summary>
    public const int GuestError = 10;

    /// <summary><c>run</c>, <c>test</c>: the call passed its deadline.</summary>
    public const int Timeout = 11;

    /// <summary><c>run</c>, <c>test</c>: the call used up its fuel.</summary>
    public const int OutOfFuel = 12;

    /// <summary><c>run</c>, <c>test</c>: the component needed more memory than its limit.</summary>
    public const int OutOfMemory = 13;

    /// <summary><c>run</c>, <c>test</c>: the guest trapped.</summary>
    public const int Trap = 14;

    /// <summary><c>run</c>, <c>test</c>: a host import or the sandbox failed.</summary>
    public const int HostError = 15;

    /// <summary><c>test</c>: the call returned ok, but not an answer the host accepts (a point's output that is not JSON, a replacement payload that is not valid).</summary>
    public const int InvalidOutput = 16;

    /// <summary>The host answered with a problem: an upload refused, a version not found, a decision not allowed (the message says which).</summary>
    public const int HostRefused = 20;

    /// <summary>No host or key is configured, or the host refused the key (401): run <c>ext login</c>.</summary>
    public const int NotSignedIn = 21;

    /// <summary>The host could not be reached (connection refused, DNS, TLS, timeout).</summary>
    public const int Unreachable = 22;

    /// <summary><c>replay</c>: the local run's outcome or output differs from the recorded one.</summary>
    public const int ReplayDiffers = 23;

    /// <summary>The exit code for a call's outcome.</summary>
    public static int For(InvocationOutcome outcome) => outcome switch
    {
        InvocationOutcome.Ok => Ok,
        InvocationOutcome.GuestError => GuestError,
        InvocationOutcome.Timeout => Timeout,
        InvocationOutcome.OutOfFuel => OutOfFuel,
        InvocationOutcome.OutOfMemory => OutOfMemory,
        InvocationOutcome.Trap => Trap,
        InvocationOutcome.HostError => HostError,
        _ => throw new ArgumentOutOfRangeException(nameof(outcome), outcome, null),
    };
}
