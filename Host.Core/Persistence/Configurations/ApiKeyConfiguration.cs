using ExtensibilityHost.Core.Tenants;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class ApiKeyConfiguration : IEntityTypeConfiguration<ApiKey>
{
    public void Configure(EntityTypeBuilder<ApiKey> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Prefix).HasMaxLength(16);
        builder.Property(e => e.Hash).HasMaxLength(Lengths.Sha256);
        builder.Property(e => e.Name).HasMaxLength(Lengths.Name);
        builder.HasIndex(e => e.Hash).IsUnique();
        builder.HasIndex(e => e.Prefix);
        builder.HasOne<Tenant>().WithMany().HasForeignKey(e => e.TenantId).OnDelete(DeleteBehavior.Cascade);
    }
}
