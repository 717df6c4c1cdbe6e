namespace ExtensibilityHost.Core.ExtensionPoints;

/// <summary>What the caller gets when the tenant's code cannot give an answer.</summary>
public enum ExtensionPointFailurePolicy
{
    /// <summary>The failure: the operation that needed the answer cannot go on without it.</summary>
    FailClosed,

    /// <summary>The point's configured default; the failure is logged and still reported on the result.</summary>
    FailOpen,
}
