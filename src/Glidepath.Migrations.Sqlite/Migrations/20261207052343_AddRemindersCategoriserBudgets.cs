using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddRemindersCategoriserBudgets : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateTime>(
                name: "reminder_sent_utc",
                table: "consultations",
                type: "TEXT",
                nullable: true);

            migrationBuilder.CreateTable(
                name: "budget_fx_overrides",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    month = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    reporting_currency = table.Column<string>(type: "TEXT", maxLength: 3, nullable: false),
                    rate = table.Column<decimal>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budget_fx_overrides", x => new { x.household_id, x.month, x.currency, x.reporting_currency });
                    table.ForeignKey(
                        name: "fk_budget_fx_overrides_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "budgets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    rollover = table.Column<bool>(type: "INTEGER", nullable: false),
                    start_month = table.Column<DateOnly>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_budgets", x => x.id);
                    table.ForeignKey(
                        name: "fk_budgets_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_budgets_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "categoriser_models",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    model = table.Column<byte[]>(type: "BLOB", nullable: true),
                    version = table.Column<int>(type: "INTEGER", nullable: false),
                    format_version = table.Column<int>(type: "INTEGER", nullable: false),
                    trained_at = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    label_count = table.Column<int>(type: "INTEGER", nullable: false),
                    category_count = table.Column<int>(type: "INTEGER", nullable: false),
                    held_out_rows = table.Column<int>(type: "INTEGER", nullable: false),
                    accuracy = table.Column<double>(type: "REAL", nullable: true),
                    macro_f1 = table.Column<double>(type: "REAL", nullable: true),
                    corrections_since_training = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categoriser_models", x => x.household_id);
                    table.ForeignKey(
                        name: "fk_categoriser_models_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "category_suggestions",
                columns: table => new
                {
                    transaction_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    category_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    confidence = table.Column<double>(type: "REAL", nullable: false),
                    model_version = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_suggestions", x => x.transaction_id);
                    table.ForeignKey(
                        name: "fk_category_suggestions_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_suggestions_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_suggestions_transactions_transaction_id",
                        column: x => x.transaction_id,
                        principalTable: "transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_budgets_category_id",
                table: "budgets",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_budgets_household_id_category_id",
                table: "budgets",
                columns: new[] { "household_id", "category_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_category_suggestions_category_id",
                table: "category_suggestions",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_category_suggestions_household_id",
                table: "category_suggestions",
                column: "household_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "budget_fx_overrides");

            migrationBuilder.DropTable(
                name: "budgets");

            migrationBuilder.DropTable(
                name: "categoriser_models");

            migrationBuilder.DropTable(
                name: "category_suggestions");

            migrationBuilder.DropColumn(
                name: "reminder_sent_utc",
                table: "consultations");
        }
    }
}
