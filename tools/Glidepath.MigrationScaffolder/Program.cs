// Scaffolds an EF Core migration into one provider's migrations project, exactly as
// `dotnet ef migrations add NAME --project src/Glidepath.Migrations.<Provider>` does (same
// design-time services, same scaffolder), for machines where the dotnet-ef tool is not installable.
//   dotnet run --project tools/Glidepath.MigrationScaffolder -- sqlite|postgres NAME
using System.Reflection;
using Microsoft.EntityFrameworkCore.Design;
using Microsoft.EntityFrameworkCore.Design.Internal;
using Microsoft.EntityFrameworkCore.Migrations.Design;
using Microsoft.Extensions.DependencyInjection;

if (args.Length != 2 || args[0] is not ("sqlite" or "postgres"))
{
    await Console.Error.WriteLineAsync("usage: Glidepath.MigrationScaffolder sqlite|postgres MigrationName");
    return 2;
}

var (projectName, factory) = args[0] == "sqlite"
    ? ("Glidepath.Migrations.Sqlite", (IDesignTimeDbContextFactory<Glidepath.Infrastructure.Persistence.GlidepathDbContext>)new Glidepath.Migrations.Sqlite.DesignTimeDbContextFactory())
    : ("Glidepath.Migrations.Postgres", new Glidepath.Migrations.Postgres.DesignTimeDbContextFactory());

var root = Directory.GetCurrentDirectory();
while (!File.Exists(Path.Combine(root, "Glidepath.slnx")))
{
    root = Path.GetDirectoryName(root) ?? throw new InvalidOperationException("Run inside the Glidepath repository.");
}

var projectDir = Path.Combine(root, "src", projectName);
var migrationsAssembly = Assembly.Load(projectName);

#pragma warning disable EF1001 // The design-time builder is what dotnet-ef itself uses.
var reporter = new OperationReporter(new OperationReportHandler(
    errorHandler: m => Console.Error.WriteLine(m),
    warningHandler: m => Console.Error.WriteLine(m),
    informationHandler: Console.WriteLine,
    verboseHandler: _ => { }));
using var context = factory.CreateDbContext([]);
var services = new DesignTimeServicesBuilder(migrationsAssembly, migrationsAssembly, reporter, []).Build(context);
#pragma warning restore EF1001

var scaffolder = services.GetRequiredService<IMigrationsScaffolder>();
var migration = scaffolder.ScaffoldMigration(args[1], projectName, "Migrations", "C#");
var files = scaffolder.Save(projectDir, migration, Path.Combine(projectDir, "Migrations"));
foreach (var file in new[] { files.MigrationFile, files.MetadataFile, files.SnapshotFile })
{
    // .editorconfig says utf-8 without a byte-order mark; the scaffolder writes one.
    await File.WriteAllTextAsync(file!, await File.ReadAllTextAsync(file!), new System.Text.UTF8Encoding(false));
    Console.WriteLine(file);
}

return 0;
