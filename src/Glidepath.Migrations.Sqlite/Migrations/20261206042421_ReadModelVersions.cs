using Microsoft.EntityFrameworkCore.Migrations;

#nullable disable

namespace Glidepath.Migrations.Sqlite.Migrations
{
    /// <inheritdoc />
    public partial class ReadModelVersions : Migration
    {
        /// <inheritdoc />
        protected override void Up(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.AddColumn<long>(
                name: "version",
                table: "valuation_series_states",
                type: "INTEGER",
                nullable: false,
                defaultValue: 0L);

            migrationBuilder.CreateTable(
                name: "shared_data_versions",
                columns: table => new
                {
                    id = table.Column<int>(type: "INTEGER", nullable: false),
                    version = table.Column<long>(type: "INTEGER", nullable: false)
                },
                constraints: table =>
                {
                    table.PrimaryKey("pk_shared_data_versions", x => x.id);
                });

            migrationBuilder.InsertData(
                table: "shared_data_versions",
                columns: new[] { "id", "version" },
                values: new object[] { 1, 0L });

            // Read caches key on these versions (docs/read-model.md, "Read caches"): every change a portfolio read
            // can show bumps one in the same transaction, whichever code path (or raw SQL) makes it.
            migrationBuilder.Sql("CREATE TRIGGER trg_accounts_read_version_insert AFTER INSERT ON accounts BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_accounts_read_version_update AFTER UPDATE ON accounts BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_accounts_read_version_delete AFTER DELETE ON accounts BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_assets_read_version_insert AFTER INSERT ON manual_assets BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_assets_read_version_update AFTER UPDATE ON manual_assets BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_assets_read_version_delete AFTER DELETE ON manual_assets BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_household_fx_rates_read_version_insert AFTER INSERT ON household_fx_rates BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_household_fx_rates_read_version_update AFTER UPDATE ON household_fx_rates BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; UPDATE valuation_series_states SET version = version + 1 WHERE household_id = NEW.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_household_fx_rates_read_version_delete AFTER DELETE ON household_fx_rates BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = OLD.household_id; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_asset_values_read_version_insert AFTER INSERT ON manual_asset_values BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = NEW.manual_asset_id); END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_asset_values_read_version_update AFTER UPDATE ON manual_asset_values BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = OLD.manual_asset_id); UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = NEW.manual_asset_id); END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_manual_asset_values_read_version_delete AFTER DELETE ON manual_asset_values BEGIN UPDATE valuation_series_states SET version = version + 1 WHERE household_id = (SELECT household_id FROM manual_assets WHERE id = OLD.manual_asset_id); END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_fx_rates_read_version_insert AFTER INSERT ON fx_rates BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_fx_rates_read_version_update AFTER UPDATE ON fx_rates BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_fx_rates_read_version_delete AFTER DELETE ON fx_rates BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_instruments_read_version_insert AFTER INSERT ON instruments BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_instruments_read_version_update AFTER UPDATE ON instruments BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
            migrationBuilder.Sql("CREATE TRIGGER trg_instruments_read_version_delete AFTER DELETE ON instruments BEGIN UPDATE shared_data_versions SET version = version + 1 WHERE id = 1; END;");
        }

        /// <inheritdoc />
        protected override void Down(MigrationBuilder migrationBuilder)
        {
            migrationBuilder.Sql("DROP TRIGGER trg_accounts_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_accounts_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_accounts_read_version_delete;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_assets_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_assets_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_assets_read_version_delete;");
            migrationBuilder.Sql("DROP TRIGGER trg_household_fx_rates_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_household_fx_rates_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_household_fx_rates_read_version_delete;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_asset_values_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_asset_values_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_manual_asset_values_read_version_delete;");
            migrationBuilder.Sql("DROP TRIGGER trg_fx_rates_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_fx_rates_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_fx_rates_read_version_delete;");
            migrationBuilder.Sql("DROP TRIGGER trg_instruments_read_version_insert;");
            migrationBuilder.Sql("DROP TRIGGER trg_instruments_read_version_update;");
            migrationBuilder.Sql("DROP TRIGGER trg_instruments_read_version_delete;");

            migrationBuilder.DropTable(
                name: "shared_data_versions");

            migrationBuilder.DropColumn(
                name: "version",
                table: "valuation_series_states");
        }
    }
}
