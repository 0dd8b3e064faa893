using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    publisher_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    publisher_household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    by_advisor = table.Column<bool>(type: "boolean", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    description = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    allocations = table.Column<string>(type: "text", nullable: false),
                    rebalancing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    proxies = table.Column<string>(type: "text", nullable: false),
                    published_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    published_on = table.Column<DateOnly>(type: "date", nullable: false),
                    updated_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    revision = table.Column<int>(type: "integer", nullable: false),
                    hidden_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: true),
                    hidden_reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: true),
                    hidden_by = table.Column<Guid>(type: "uuid", nullable: true),
                    version = table.Column<long>(type: "bigint", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    strategy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    followed_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    strategy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reporter_user_id = table.Column<Guid>(type: "uuid", nullable: false),
                    reason = table.Column<string>(type: "character varying(2000)", maxLength: 2000, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    strategy_id = table.Column<Guid>(type: "uuid", nullable: false),
                    number = table.Column<int>(type: "integer", nullable: false),
                    effective_on = table.Column<DateOnly>(type: "date", nullable: false),
                    allocations = table.Column<string>(type: "text", nullable: false),
                    rebalancing = table.Column<string>(type: "character varying(16)", maxLength: 16, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
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
