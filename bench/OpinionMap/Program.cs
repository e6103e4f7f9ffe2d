using Nq45Consult.Bench.OpinionMap;

// dotnet run -c Release --project bench/OpinionMap [-- --smoke]
OpinionMapBench.Run(smoke: args.Contains("--smoke"), Console.Out);
