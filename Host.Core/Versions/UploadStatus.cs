namespace ExtensibilityHost.Core.Versions;

/// <summary>What an upload did.</summary>
public enum UploadStatus
{
    /// <summary>A new pending version was recorded.</summary>
    Created,

    /// <summary>The component already has a version with these bytes; it is returned and nothing is written.</summary>
    AlreadyExists,

    /// <summary>The bytes are not a usable component (<see cref="UploadResult.LoadError"/>); nothing is written.</summary>
    NotAComponent,

    /// <summary>The component implements no world or imports what the host does not provide (<see cref="UploadResult.Conformance"/>); nothing is written.</summary>
    WorldMismatch,

    /// <summary>
    /// The component imports a WASI interface the deployment does not allow (the problems with code
    /// <c>wasi-not-allowed</c> or <c>wasi-version-unsupported</c> in <see cref="UploadResult.Conformance"/> name it); nothing is written.
    /// </summary>
    WasiNotAllowed,

    /// <summary>
    /// Compiling the component ran past its time or memory budget (<see cref="UploadResult.BudgetExceeded"/>
    /// says which); the compile worker was killed and nothing is written.
    /// </summary>
    CompileBudgetExceeded,
}
