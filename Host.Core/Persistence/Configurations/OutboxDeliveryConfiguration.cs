using ExtensibilityHost.Core.Events;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class OutboxDeliveryConfiguration : IEntityTypeConfiguration<OutboxDelivery>
{
    public void Configure(EntityTypeBuilder<OutboxDelivery> builder)
    {
        builder.ToTable("Outbox");
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.EventId).HasMaxLength(Lengths.Name);
        builder.Property(e => e.EventType).HasMaxLength(Lengths.EventType);
        builder.Property(e => e.CorrelationId).HasMaxLength(DomainEvent.MaxCorrelationIdLength);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(e => e.LeaseOwner).HasMaxLength(Lengths.Name);
        builder.Property(e => e.LastError).HasMaxLength(Lengths.Reason);
        builder.HasIndex(e => new { e.Status, e.NextAttemptAt });
        builder.HasIndex(e => new { e.TenantId, e.Status });
        // One delivery per event and subscription: a retried publish cannot enqueue twice.
        builder.HasIndex(e => new { e.EventId, e.SubscriptionId }).IsUnique();

        // A claim reads its rows back by its lease.
        builder.HasIndex(e => e.LeaseOwner);
    }
}
