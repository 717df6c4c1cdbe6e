using ExtensibilityHost.Core.Invocations;
using ExtensibilityHost.Core.Invocations.Log;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class InvocationRecordConfiguration : IEntityTypeConfiguration<InvocationRecord>
{
    public void Configure(EntityTypeBuilder<InvocationRecord> builder)
    {
        builder.ToTable("Invocations");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Target).HasMaxLength(Lengths.Target);
        builder.Property(e => e.EventId).HasMaxLength(Lengths.Name);
        builder.Property(e => e.Outcome).HasMaxLength(Lengths.Enum);
        builder.Property(e => e.Trap).HasMaxLength(Lengths.Enum);
        builder.Property(e => e.Error).HasMaxLength(Lengths.Reason);
        builder.HasIndex(e => new { e.TenantId, e.StartedAt });
        builder.HasIndex(e => new { e.TenantId, e.ComponentName, e.StartedAt });
    }
}
