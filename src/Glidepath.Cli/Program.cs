using Glidepath.Cli;
using Glidepath.Cli.Hosting;

return await GlidepathCli.RunAsync(args, CliEnvironment.FromProcess());
