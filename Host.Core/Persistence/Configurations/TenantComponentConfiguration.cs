using ExtensibilityHost.Core.Tenants;
using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class TenantComponentConfiguration : IEntityTypeConfiguration<TenantComponent>
{
    public void Configure(EntityTypeBuilder<TenantComponent> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Slug);
        builder.HasIndex(e => new { e.TenantId, e.Name }).IsUnique();
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
