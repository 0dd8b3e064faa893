using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddAggregationConnections : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "aggregation_connections",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    item_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    institution_id = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true),
                    institution_name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    access_token = table.Column<string>(type: "TEXT", nullable: false),
                    cursor = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    last_sync_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    last_attempt_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    last_error_code = table.Column<string>(type: "TEXT", maxLength: 100, nullable: true),
                    last_error_message = table.Column<string>(type: "TEXT", maxLength: 500, nullable: true),
                    needs_relink = table.Column<bool>(type: "INTEGER", nullable: false),
                    holding_differences = table.Column<int>(type: "INTEGER", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aggregation_connections", x => x.id);
                    table.ForeignKey(
                        name: "fk_aggregation_connections_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "aggregation_account_links",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    connection_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    provider_account_id = table.Column<string>(type: "TEXT", maxLength: 128, nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    mask = table.Column<string>(type: "TEXT", maxLength: 16, nullable: true),
                    type = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    subtype = table.Column<string>(type: "TEXT", maxLength: 64, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_aggregation_account_links", x => x.id);
                    table.ForeignKey(
                        name: "fk_aggregation_account_links_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_aggregation_account_links_aggregation_connections_connection_id",
                        column: x => x.connection_id,
                        principalTable: "aggregation_connections",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_aggregation_account_links_account_id",
                table: "aggregation_account_links",
                column: "account_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aggregation_account_links_connection_id_provider_account_id",
                table: "aggregation_account_links",
                columns: new[] { "connection_id", "provider_account_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_aggregation_connections_household_id",
                table: "aggregation_connections",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_aggregation_connections_provider_item_id",
                table: "aggregation_connections",
                columns: new[] { "provider", "item_id" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "aggregation_account_links");

            migrationBuilder.DropTable(
                name: "aggregation_connections");
        }
    }
}
