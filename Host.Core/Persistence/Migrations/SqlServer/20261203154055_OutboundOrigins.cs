using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExtensibilityHost.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class OutboundOrigins : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "OutboundOrigins",
                columns: table => new
                {
                    TenantId = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    ComponentName = table.Column<string>(type: "nvarchar(63)", maxLength: 63, nullable: false),
                    Origin = table.Column<string>(type: "nvarchar(300)", maxLength: 300, nullable: false),
                    AddedBy = table.Column<string>(type: "nvarchar(200)", maxLength: 200, nullable: false),
                    AddedAt = table.Column<DateTime>(type: "datetime2", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_OutboundOrigins", x => new { x.TenantId, x.ComponentName, x.Origin });
                });
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "OutboundOrigins");
        }
    }
}
