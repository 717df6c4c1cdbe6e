using System.ComponentModel.DataAnnotations;
using ExtensibilityHost.Core.Reviews;

namespace ExtensibilityHost.Portal;

/// <summary>A decision's form: every decision in the portal says why, for the audit trail.</summary>
internal sealed class DecisionForm
{
    [Required(ErrorMessage = "Give a reason: it is kept in the audit trail (and shown to the tenant for a rejection).")]
    [MaxLength(RejectRequest.MaxReasonLength, ErrorMessage = "Keep the reason under 2000 characters.")]
    public string? Reason { get; set; }

    /// <summary>The version, kill switch or delivery the form acts on, for forms repeated per row.</summary>
    public string? Subject { get; set; }
}

/// <summary>The shadow run's form.</summary>
internal sealed class ShadowForm
{
    [Range(1, ShadowRunner.MaxInputs, ErrorMessage = "Replay between 1 and 50 recorded inputs.")]
    public int Count { get; set; } = ShadowRunner.DefaultInputs;
}

/// <summary>A new tenant.</summary>
internal sealed class TenantForm
{
    [Required(ErrorMessage = "Give the tenant an id.")]
    public string? Id { get; set; }

    [Required(ErrorMessage = "Give the tenant a name.")]
    public string? Name { get; set; }
}

/// <summary>A new API key of a tenant, or a key to revoke.</summary>
internal sealed class KeyForm
{
    [Required(ErrorMessage = "Name the key, e.g. after the system that will use it.")]
    [MaxLength(100, ErrorMessage = "Keep the name under 100 characters.")]
    public string? Name { get; set; }
}

/// <summary>A form acting on one row (a key, a switch, a delivery), which carries its id.</summary>
internal sealed class RowForm
{
    [Required]
    public string? Subject { get; set; }
}

/// <summary>A component's outbound-http allow-list, one origin per line.</summary>
internal sealed class OriginsForm
{
    [MaxLength(64 * 1024, ErrorMessage = "That is far more text than an allow-list.")]
    public string? Origins { get; set; }
}
