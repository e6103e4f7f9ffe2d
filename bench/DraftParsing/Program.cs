using Nq45Consult.Bench.DraftParsing;

// dotnet run -c Release --project bench/DraftParsing [-- --smoke]
DraftParsingBench.Run(smoke: args.Contains("--smoke"), Console.Out);
