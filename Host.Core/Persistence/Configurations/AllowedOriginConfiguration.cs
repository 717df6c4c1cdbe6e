using ExtensibilityHost.Core.Runtime.Imports.OutboundHttp;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class AllowedOriginConfiguration : IEntityTypeConfiguration<AllowedOrigin>
{
    public void Configure(EntityTypeBuilder<AllowedOrigin> builder)
    {
        builder.ToTable("OutboundOrigins");
        builder.HasKey(e => new { e.TenantId, e.ComponentName, e.Origin });
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Origin).HasMaxLength(Lengths.Origin);
        builder.Property(e => e.AddedBy).HasMaxLength(Lengths.Name);
    }
}
