using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class AddTaxAwareTrading : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<DateOnly>(
                name: "holding_period_start",
                table: "tax_lots",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "disallowed_loss",
                table: "realised_gains",
                type: "TEXT",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<DateOnly>(
                name: "holding_period_start",
                table: "realised_gains",
                type: "TEXT",
                nullable: true);

            migrationBuilder.AddColumn<bool>(
                name: "whole_shares_only",
                table: "accounts",
                type: "INTEGER",
                nullable: false,
                defaultValue: false);

            migrationBuilder.CreateTable(
                name: "household_tax_profiles",
                columns: table => new
                {
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    short_term_rate = table.Column<decimal>(type: "TEXT", nullable: false),
                    long_term_rate = table.Column<decimal>(type: "TEXT", nullable: false),
                    min_trade_amount = table.Column<decimal>(type: "TEXT", nullable: false),
                    cash_buffer = table.Column<decimal>(type: "TEXT", nullable: false),
                    cost_per_trade = table.Column<decimal>(type: "TEXT", nullable: false),
                    harvest_min_loss = table.Column<decimal>(type: "TEXT", nullable: false),
                    harvest_min_loss_fraction = table.Column<decimal>(type: "TEXT", nullable: false),
                    swap_back_large_gain = table.Column<decimal>(type: "TEXT", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_household_tax_profiles", x => x.household_id);
                    table.ForeignKey(
                        name: "fk_household_tax_profiles_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rebalance_proposals",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    as_of = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    force = table.Column<bool>(type: "INTEGER", nullable: false),
                    asset_location = table.Column<bool>(type: "INTEGER", nullable: false),
                    proposal_json = table.Column<string>(type: "TEXT", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false),
                    accepted_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: true),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebalance_proposals", x => x.id);
                    table.ForeignKey(
                        name: "fk_rebalance_proposals_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rebalance_proposals_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "rebalance_targets",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    instrument_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    asset_class = table.Column<string>(type: "TEXT", maxLength: 32, nullable: true),
                    weight = table.Column<decimal>(type: "TEXT", nullable: false),
                    absolute_band = table.Column<decimal>(type: "TEXT", nullable: false),
                    relative_band = table.Column<decimal>(type: "TEXT", nullable: false),
                    buy_instrument_id = table.Column<Guid>(type: "TEXT", nullable: true)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_rebalance_targets", x => x.id);
                    table.ForeignKey(
                        name: "fk_rebalance_targets_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rebalance_targets_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_rebalance_targets_instruments_buy_instrument_id",
                        column: x => x.buy_instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_rebalance_targets_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "replacement_funds",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    replacement_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    rank = table.Column<int>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_replacement_funds", x => x.id);
                    table.ForeignKey(
                        name: "fk_replacement_funds_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_replacement_funds_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_replacement_funds_instruments_replacement_id",
                        column: x => x.replacement_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "substantially_identical_pairs",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    first_instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    second_instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_substantially_identical_pairs", x => x.id);
                    table.ForeignKey(
                        name: "fk_substantially_identical_pairs_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_substantially_identical_pairs_instruments_first_instrument_id",
                        column: x => x.first_instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_substantially_identical_pairs_instruments_second_instrument_id",
                        column: x => x.second_instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "wash_sale_adjustments",
                columns: table => new
                {
                    id = table.Column<long>(type: "INTEGER", nullable: false)
                        .Annotation("Sqlite:Autoincrement", true),
                    sale_transaction_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sold_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sold_instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    sold_lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    replacement_account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    replacement_instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    replacement_lot_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    replacement_acquired_date = table.Column<DateOnly>(type: "TEXT", nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    disallowed_loss = table.Column<decimal>(type: "TEXT", nullable: false),
                    tacked_days = table.Column<int>(type: "INTEGER", nullable: false),
                    permanent = table.Column<bool>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_wash_sale_adjustments", x => x.id);
                    table.ForeignKey(
                        name: "fk_wash_sale_adjustments_accounts_replacement_account_id",
                        column: x => x.replacement_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_wash_sale_adjustments_accounts_sold_account_id",
                        column: x => x.sold_account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_wash_sale_adjustments_instruments_replacement_instrument_id",
                        column: x => x.replacement_instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_wash_sale_adjustments_instruments_sold_instrument_id",
                        column: x => x.sold_instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                });

            migrationBuilder.CreateTable(
                name: "orders",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "TEXT", nullable: false),
                    household_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    account_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    instrument_id = table.Column<Guid>(type: "TEXT", nullable: false),
                    side = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    quantity = table.Column<decimal>(type: "TEXT", nullable: false),
                    price = table.Column<decimal>(type: "TEXT", nullable: false),
                    lots_json = table.Column<string>(type: "TEXT", nullable: true),
                    proposal_id = table.Column<Guid>(type: "TEXT", nullable: true),
                    status = table.Column<string>(type: "TEXT", maxLength: 32, nullable: false),
                    created_utc = table.Column<DateTimeOffset>(type: "TEXT", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_orders", x => x.id);
                    table.ForeignKey(
                        name: "fk_orders_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_orders_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_orders_instruments_instrument_id",
                        column: x => x.instrument_id,
                        principalTable: "instruments",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Restrict);
                    table.ForeignKey(
                        name: "fk_orders_rebalance_proposals_proposal_id",
                        column: x => x.proposal_id,
                        principalTable: "rebalance_proposals",
                        principalColumn: "id",
                        onDelete: ReferentialAction.SetNull);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_account_id",
                table: "orders",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_household_id_status",
                table: "orders",
                columns: new[] { "household_id", "status" });

            migrationBuilder.CreateIndex(
                name: "ix_orders_instrument_id",
                table: "orders",
                column: "instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_orders_proposal_id",
                table: "orders",
                column: "proposal_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_proposals_account_id",
                table: "rebalance_proposals",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_proposals_household_id_created_utc",
                table: "rebalance_proposals",
                columns: new[] { "household_id", "created_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_targets_account_id",
                table: "rebalance_targets",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_targets_buy_instrument_id",
                table: "rebalance_targets",
                column: "buy_instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_targets_household_id",
                table: "rebalance_targets",
                column: "household_id");

            migrationBuilder.CreateIndex(
                name: "ix_rebalance_targets_instrument_id",
                table: "rebalance_targets",
                column: "instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_replacement_funds_household_id_instrument_id_replacement_id",
                table: "replacement_funds",
                columns: new[] { "household_id", "instrument_id", "replacement_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_replacement_funds_instrument_id",
                table: "replacement_funds",
                column: "instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_replacement_funds_replacement_id",
                table: "replacement_funds",
                column: "replacement_id");

            migrationBuilder.CreateIndex(
                name: "ix_substantially_identical_pairs_first_instrument_id",
                table: "substantially_identical_pairs",
                column: "first_instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_substantially_identical_pairs_household_id_first_instrument_id_second_instrument_id",
                table: "substantially_identical_pairs",
                columns: new[] { "household_id", "first_instrument_id", "second_instrument_id" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_substantially_identical_pairs_second_instrument_id",
                table: "substantially_identical_pairs",
                column: "second_instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_wash_sale_adjustments_replacement_account_id",
                table: "wash_sale_adjustments",
                column: "replacement_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_wash_sale_adjustments_replacement_instrument_id",
                table: "wash_sale_adjustments",
                column: "replacement_instrument_id");

            migrationBuilder.CreateIndex(
                name: "ix_wash_sale_adjustments_sale_transaction_id",
                table: "wash_sale_adjustments",
                column: "sale_transaction_id");

            migrationBuilder.CreateIndex(
                name: "ix_wash_sale_adjustments_sold_account_id",
                table: "wash_sale_adjustments",
                column: "sold_account_id");

            migrationBuilder.CreateIndex(
                name: "ix_wash_sale_adjustments_sold_instrument_id",
                table: "wash_sale_adjustments",
                column: "sold_instrument_id");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "household_tax_profiles");

            migrationBuilder.DropTable(
                name: "orders");

            migrationBuilder.DropTable(
                name: "rebalance_targets");

            migrationBuilder.DropTable(
                name: "replacement_funds");

            migrationBuilder.DropTable(
                name: "substantially_identical_pairs");

            migrationBuilder.DropTable(
                name: "wash_sale_adjustments");

            migrationBuilder.DropTable(
                name: "rebalance_proposals");

            migrationBuilder.DropColumn(
                name: "holding_period_start",
                table: "tax_lots");

            migrationBuilder.DropColumn(
                name: "disallowed_loss",
                table: "realised_gains");

            migrationBuilder.DropColumn(
                name: "holding_period_start",
                table: "realised_gains");

            migrationBuilder.DropColumn(
                name: "whole_shares_only",
                table: "accounts");
        }
    }
}
