using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class AddCategoriesAndRules : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.CreateTable(
                name: "categories",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    parent_id = table.Column<Guid>(type: "uuid", nullable: true),
                    name = table.Column<string>(type: "character varying(100)", maxLength: 100, nullable: false),
                    kind = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    name_key = table.Column<string>(type: "character varying(140)", maxLength: 140, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_categories", x => x.id);
                    table.ForeignKey(
                        name: "fk_categories_categories_parent_id",
                        column: x => x.parent_id,
                        principalTable: "categories",
                        principalColumn: "id");
                    table.ForeignKey(
                        name: "fk_categories_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "category_rules",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    position = table.Column<int>(type: "integer", nullable: false),
                    name = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: false),
                    enabled = table.Column<bool>(type: "boolean", nullable: false),
                    payee_pattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    payee_match = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    memo_pattern = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    memo_match = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    min_amount = table.Column<decimal>(type: "numeric", nullable: true),
                    max_amount = table.Column<decimal>(type: "numeric", nullable: true),
                    account_id = table.Column<Guid>(type: "uuid", nullable: true),
                    direction = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: true),
                    set_category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    set_payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    add_tags = table.Column<string>(type: "character varying(430)", maxLength: 430, nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_category_rules", x => x.id);
                    table.ForeignKey(
                        name: "fk_category_rules_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_category_rules_categories_set_category_id",
                        column: x => x.set_category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_category_rules_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transaction_categories",
                columns: table => new
                {
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    payee = table.Column<string>(type: "character varying(200)", maxLength: 200, nullable: true),
                    tags = table.Column<string>(type: "character varying(430)", maxLength: 430, nullable: false),
                    source = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    rule_id = table.Column<Guid>(type: "uuid", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transaction_categories", x => x.transaction_id);
                    table.ForeignKey(
                        name: "fk_transaction_categories_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_transaction_categories_category_rules_rule_id",
                        column: x => x.rule_id,
                        principalTable: "category_rules",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_transaction_categories_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_transaction_categories_transactions_transaction_id",
                        column: x => x.transaction_id,
                        principalTable: "transactions",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "transaction_split_lines",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false),
                    line = table.Column<int>(type: "integer", nullable: false),
                    category_id = table.Column<Guid>(type: "uuid", nullable: true),
                    amount = table.Column<decimal>(type: "numeric", nullable: false),
                    memo = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_transaction_split_lines", x => x.id);
                    table.ForeignKey(
                        name: "fk_transaction_split_lines_categories_category_id",
                        column: x => x.category_id,
                        principalTable: "categories",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                    table.ForeignKey(
                        name: "fk_transaction_split_lines_transaction_categories_transaction_~",
                        column: x => x.transaction_id,
                        principalTable: "transaction_categories",
                        principalColumn: "transaction_id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_categories_household_id_name_key",
                table: "categories",
                columns: new[] { "household_id", "name_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_categories_parent_id",
                table: "categories",
                column: "parent_id");

            migrationBuilder.CreateIndex(
                name: "ix_category_rules_account_id",
                table: "category_rules",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_category_rules_household_id_position",
                table: "category_rules",
                columns: new[] { "household_id", "position" });

            migrationBuilder.CreateIndex(
                name: "ix_category_rules_set_category_id",
                table: "category_rules",
                column: "set_category_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_categories_category_id",
                table: "transaction_categories",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_categories_household_id",
                table: "transaction_categories",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_categories_rule_id",
                table: "transaction_categories",
                column: "rule_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_split_lines_category_id",
                table: "transaction_split_lines",
                column: "category_id");

            migrationBuilder.CreateIndex(
                name: "ix_transaction_split_lines_transaction_id_line",
                table: "transaction_split_lines",
                columns: new[] { "transaction_id", "line" },
                unique: true);
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "transaction_split_lines");

            migrationBuilder.DropTable(
                name: "transaction_categories");

            migrationBuilder.DropTable(
                name: "category_rules");

            migrationBuilder.DropTable(
                name: "categories");
        }
    }
}
