using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace ExtensibilityHost.Core.Persistence.Migrations.SqlServer
{
    /// <inheritdoc />
    public partial class EventFailurePolicyAndReplays : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<string>(
                name: "OnFailure",
                table: "Subscriptions",
                type: "nvarchar(32)",
                maxLength: 32,
                nullable: true);

            migrationBuilder.AddColumn<int>(
                name: "Replays",
                table: "Outbox",
                type: "int",
                nullable: false,
                defaultValue: 0);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropColumn(
                name: "OnFailure",
                table: "Subscriptions");

            migrationBuilder.DropColumn(
                name: "Replays",
                table: "Outbox");
        }
    }
}
