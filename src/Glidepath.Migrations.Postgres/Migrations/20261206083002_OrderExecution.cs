using System;
using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Postgres.Migrations
{
    /// <inheritdoc />
    public partial class OrderExecution : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropIndex(
                name: "ix_orders_account_id",
                table: "orders");

            migrationBuilder.AddColumn<string>(
                name: "broker",
                table: "orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<string>(
                name: "broker_order_id",
                table: "orders",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "filled_quantity",
                table: "orders",
                type: "numeric",
                nullable: false,
                defaultValue: 0m);

            migrationBuilder.AddColumn<string>(
                name: "idempotency_key",
                table: "orders",
                type: "character varying(128)",
                maxLength: 128,
                nullable: true);

            migrationBuilder.AddColumn<decimal>(
                name: "limit_price",
                table: "orders",
                type: "numeric",
                nullable: true);

            migrationBuilder.AddColumn<string>(
                name: "type",
                table: "orders",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "");

            migrationBuilder.AddColumn<DateTimeOffset>(
                name: "updated_utc",
                table: "orders",
                type: "timestamp with time zone",
                nullable: false,
                defaultValue: new DateTimeOffset(new DateTime(1, 1, 1, 0, 0, 0, 0, DateTimeKind.Unspecified), new TimeSpan(0, 0, 0, 0, 0)));

            migrationBuilder.AddColumn<string>(
                name: "broker",
                table: "accounts",
                type: "character varying(32)",
                maxLength: 32,
                nullable: false,
                defaultValue: "paper");

            migrationBuilder.AddColumn<string>(
                name: "broker_account_id",
                table: "accounts",
                type: "character varying(64)",
                maxLength: 64,
                nullable: true);

            migrationBuilder.CreateTable(
                name: "order_fills",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    price = table.Column<decimal>(type: "numeric", nullable: false),
                    fees = table.Column<decimal>(type: "numeric", nullable: false),
                    trade_date = table.Column<DateOnly>(type: "date", nullable: false),
                    at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false),
                    transaction_id = table.Column<Guid>(type: "uuid", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_fills", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_fills_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "order_transitions",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    order_id = table.Column<Guid>(type: "uuid", nullable: false),
                    from = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    to = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    reason = table.Column<string>(type: "character varying(1000)", maxLength: 1000, nullable: false),
                    at_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_order_transitions", x => x.id);
                    table.ForeignKey(
                        name: "fk_order_transitions_orders_order_id",
                        column: x => x.order_id,
                        principalTable: "orders",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateTable(
                name: "position_mismatches",
                columns: table => new
                {
                    id = table.Column<Guid>(type: "uuid", nullable: false),
                    household_id = table.Column<Guid>(type: "uuid", nullable: false),
                    account_id = table.Column<Guid>(type: "uuid", nullable: false),
                    instrument_id = table.Column<Guid>(type: "uuid", nullable: true),
                    symbol = table.Column<string>(type: "character varying(32)", maxLength: 32, nullable: false),
                    broker_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    ledger_quantity = table.Column<decimal>(type: "numeric", nullable: false),
                    found_utc = table.Column<DateTimeOffset>(type: "timestamp with time zone", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_position_mismatches", x => x.id);
                    table.ForeignKey(
                        name: "fk_position_mismatches_accounts_account_id",
                        column: x => x.account_id,
                        principalTable: "accounts",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                    table.ForeignKey(
                        name: "fk_position_mismatches_households_household_id",
                        column: x => x.household_id,
                        principalTable: "households",
                        principalColumn: "id",
                        onDelete: ReferentialAction.Cascade);
                });

            migrationBuilder.CreateIndex(
                name: "ix_orders_account_id_idempotency_key",
                table: "orders",
                columns: new[] { "account_id", "idempotency_key" },
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_orders_status",
                table: "orders",
                column: "status");

            migrationBuilder.CreateIndex(
                name: "ix_order_fills_order_id_at_utc",
                table: "order_fills",
                columns: new[] { "order_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_order_fills_transaction_id",
                table: "order_fills",
                column: "transaction_id",
                unique: true);

            migrationBuilder.CreateIndex(
                name: "ix_order_transitions_order_id_at_utc",
                table: "order_transitions",
                columns: new[] { "order_id", "at_utc" });

            migrationBuilder.CreateIndex(
                name: "ix_position_mismatches_account_id",
                table: "position_mismatches",
                column: "account_id");

            migrationBuilder.CreateIndex(
                name: "ix_position_mismatches_household_id_account_id",
                table: "position_mismatches",
                columns: new[] { "household_id", "account_id" });

            // Orders placed before this migration: "Failed" is now "Rejected"; their last change is their creation.
            migrationBuilder.Sql("UPDATE orders SET status = 'Rejected' WHERE status = 'Failed'");
            migrationBuilder.Sql("UPDATE orders SET updated_utc = created_utc");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.DropTable(
                name: "order_fills");

            migrationBuilder.DropTable(
                name: "order_transitions");

            migrationBuilder.DropTable(
                name: "position_mismatches");

            migrationBuilder.DropIndex(
                name: "ix_orders_account_id_idempotency_key",
                table: "orders");

            migrationBuilder.DropIndex(
                name: "ix_orders_status",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "broker",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "broker_order_id",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "filled_quantity",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "idempotency_key",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "limit_price",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "type",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "updated_utc",
                table: "orders");

            migrationBuilder.DropColumn(
                name: "broker",
                table: "accounts");

            migrationBuilder.DropColumn(
                name: "broker_account_id",
                table: "accounts");

            migrationBuilder.CreateIndex(
                name: "ix_orders_account_id",
                table: "orders",
                column: "account_id");
        }
    }
}
