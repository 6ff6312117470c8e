using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace LeakRights.Web.Data.Migrations
{
    /// <inheritdoc />
    public partial class AdminSignInThrottlesAndAuditCounts : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<int>(
                name: "Count",
                table: "AuditEntries",
                type: "INTEGER",
                nullable: false,
                defaultValue: 1); // each existing row stands for one event

            migrationBuilder.AddColumn<DateTime>(
                name: "FailureWindowStartUtc",
                table: "AdminUsers",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "AdminSignInThrottles",
                columns: table => new
                {
                    Id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    AdminUserId = table.Column<int>(type: "INTEGER", nullable: false),
                    Client = table.Column<string>(type: "TEXT", maxLength: 64, nullable: false),
                    FailedAttempts = table.Column<int>(type: "INTEGER", nullable: false),
                    LockoutEndUtc = table.Column<DateTime>(type: "TEXT", nullable: true),
                    LastAttemptUtc = table.Column<DateTime>(type: "TEXT", nullable: false),
                    LastSuccessUtc = table.Column<DateTime>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("PK_AdminSignInThrottles", x => x.Id);
                });

            migrationBuilder.CreateIndex(
                name: "IX_AdminSignInThrottles_AdminUserId_Client",
                table: "AdminSignInThrottles",
                columns: new[] { "AdminUserId", "Client" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "AdminSignInThrottles");

            migrationBuilder.DropColumn(
                name: "Count",
                table: "AuditEntries");

            migrationBuilder.DropColumn(
                name: "FailureWindowStartUtc",
                table: "AdminUsers");
        }
    }
}
