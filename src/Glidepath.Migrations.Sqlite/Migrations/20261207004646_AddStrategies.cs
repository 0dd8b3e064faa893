using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddStrategies : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "strategies",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    publisher_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    publisher_household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    by_advisor = table.Column<bool>(type: "INTEGER", nullable: false),
                    name = table.Column<string>(type: "TEXT", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    allocations = table.Column<string>(type: "TEXT", nullable: false),
                    rebalancing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    proxies = table.Column<string>(type: "TEXT", nullable: false),
                    published_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    published_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    updated_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    revision = table.Column<int>(type: "INTEGER", nullable: false),
                    hidden_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    hidden_reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: true),
                    hidden_by = table.Column<Guid>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategies", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategies_households_publisher_household_id",
                        column: x => x.publisher_household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_strategies_users_publisher_user_id",
                        column: x => x.publisher_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_follows",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    strategy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    followed_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_follows", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_follows_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_strategy_follows_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_reports",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    strategy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reporter_user_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    reason = table.Column<string>(type: "TEXT", maxLength: 2000, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_reports", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_reports_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_strategy_reports_users_reporter_user_id",
                        column: x => x.reporter_user_id,
                        principalTable: "users",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "strategy_revisions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    strategy_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    number = table.Column<int>(type: "INTEGER", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    allocations = table.Column<string>(type: "TEXT", nullable: false),
                    rebalancing = table.Column<string>(type: "TEXT", maxLength: 16, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_strategy_revisions", x => x.id);
                    table.ForeignKey(
                        name: "fk_strategy_revisions_strategies_strategy_id",
                        column: x => x.strategy_id,
                        principalTable: "strategies",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_strategies_publisher_household_id",
                table: "strategies",
                column: "publisher_household_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategies_publisher_user_id",
                table: "strategies",
                column: "publisher_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_follows_household_id",
                table: "strategy_follows",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_follows_strategy_id_household_id",
                table: "strategy_follows",
                columns: new[] { "strategy_id", "household_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_strategy_reports_reporter_user_id",
                table: "strategy_reports",
                column: "reporter_user_id");

            migrationBuilder.CreateIndex(
                name: "ix_strategy_reports_strategy_id_reporter_user_id",
                table: "strategy_reports",
                columns: new[] { "strategy_id", "reporter_user_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_strategy_revisions_strategy_id_number",
                table: "strategy_revisions",
                columns: new[] { "strategy_id", "number" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "strategy_follows");

            migrationBuilder.DropTable(
                name: "strategy_reports");

            migrationBuilder.DropTable(
                name: "strategy_revisions");

            migrationBuilder.DropTable(
                name: "strategies");
        }
    }
}
