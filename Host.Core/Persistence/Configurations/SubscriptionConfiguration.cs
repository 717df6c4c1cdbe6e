using ExtensibilityHost.Core.Events;
using ExtensibilityHost.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class SubscriptionConfiguration : IEntityTypeConfiguration<Subscription>
{
    public void Configure(EntityTypeBuilder<Subscription> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.EventType).HasMaxLength(Lengths.EventType);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Mode).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(e => e.OnFailure).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.HasIndex(e => new { e.TenantId, e.EventType, e.ComponentName }).IsUnique();
        builder.HasIndex(e => new { e.TenantId, e.EventType, e.Rank });
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
