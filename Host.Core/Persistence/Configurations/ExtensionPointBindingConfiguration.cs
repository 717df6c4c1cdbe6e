using ExtensibilityHost.Core.ExtensionPoints;
using ExtensibilityHost.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class ExtensionPointBindingConfiguration : IEntityTypeConfiguration<ExtensionPointBinding>
{
    public void Configure(EntityTypeBuilder<ExtensionPointBinding> builder)
    {
        builder.HasKey(e => new { e.TenantId, e.Point });
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Point).HasMaxLength(Lengths.PointName);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
