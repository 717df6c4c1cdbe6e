using ExtensibilityHost.Core.Runtime.Imports.KeyValue;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class KeyValueEntryConfiguration : IEntityTypeConfiguration<KeyValueEntry>
{
    public void Configure(EntityTypeBuilder<KeyValueEntry> builder)
    {
        builder.HasKey(e => new { e.TenantId, e.ComponentName, e.Key });
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Key).HasMaxLength(Lengths.KeyValueKey);
    }
}
