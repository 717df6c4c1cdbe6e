using ExtensibilityHost.Core.Versions;
using Microsoft.EntityFrameworkCore;
using Microsoft.EntityFrameworkCore.Metadata.Builders;

namespace ExtensibilityHost.Core.Persistence.Configurations;

internal sealed class ComponentVersionConfiguration : IEntityTypeConfiguration<ComponentVersion>
{
    public void Configure(EntityTypeBuilder<ComponentVersion> builder)
    {
        builder.HasKey(e => e.Id);
        builder.Property(e => e.TenantId).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.ComponentName).HasMaxLength(Lengths.Slug);
        builder.Property(e => e.Sha256).HasMaxLength(Lengths.Sha256);
        builder.Property(e => e.Status).HasConversion<string>().HasMaxLength(Lengths.Enum);
        builder.Property(e => e.StatusReason).HasMaxLength(Lengths.Reason);
        builder.Property(e => e.ConcurrencyStamp).IsConcurrencyToken();
        builder.HasIndex(e => new { e.ComponentId, e.Number }).IsUnique();
        // The same bytes uploaded again are the same version (idempotent upload).
        builder.HasIndex(e => new { e.ComponentId, e.Sha256 }).IsUnique();
        // At most one active version per component, enforced by the database so that two racing
        // approvals of different versions cannot both win. [Status] quoting works in SQLite and SQL Server.
        builder.HasIndex(e => e.ComponentId).IsUnique().HasFilter("[Status] = 'Active'").HasDatabaseName("IX_Versions_OneActivePerComponent");
        builder.HasIndex(e => new { e.Status, e.CreatedAt });
        builder.HasIndex(e => new { e.TenantId, e.ComponentName });
        builder.HasOne<TenantComponent>().WithMany().HasForeignKey(e => e.ComponentId).OnDelete(DeleteBehavior.Cascade);
    }
}
