using BenchmarkDotNet.Running;

// dotnet run -c Release --project bench/Glidepath.Benchmarks -- --filter '*'
BenchmarkSwitcher.FromAssembly(typeof(Program).Assembly).Run(args);
