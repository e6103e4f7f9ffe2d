using Nq45Consult.Bench.OpinionMap;

// dotnet run -c Release --project bench/OpinionMap [-- --smoke]
// The analysis in-process (recomputation time, planted groups, Pol.is), then votes over HTTP against the real app.
// --smoke: the smallest sizes, no time judged; fails unless the planted groups are found, Pol.is agrees, and every
// vote was answered and counted exactly (the test suite runs it).
var smoke = args.Contains("--smoke");
var map = OpinionMapBench.Run(smoke, Console.Out);
var votes = await VoteRate.Run(smoke, Console.Out);
var held = map.Groups == PlantedOpinions.Groups && map.PlantedAri >= 0.9 && map.Polis.All(c => c.Ari >= 0.8) && votes.Held;
if (!held)
{
    Console.WriteLine("FAILED: the planted groups, Pol.is's placement or the vote counts did not hold.");
    return 1;
}
if (smoke) Console.WriteLine("Smoke run: every check held.");
return 0;
