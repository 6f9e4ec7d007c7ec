import type { BenchmarkResults } from "./run-benchmark";

/** The table the README shows. */
export function renderBenchmarkTable(results: BenchmarkResults): string {
  const header = [
    "| entities | validate (schema compile) | synth | synth peak RSS | resources | ms/resource | bare provider ms/resource | ratio | policy |",
    "|---:|---:|---:|---:|---:|---:|---:|---:|---:|",
  ];
  const rows = results.sizes.map(
    (s) =>
      `| ${s.entities} | ${s.validate.ms.toFixed(0)} ms (${(s.validate.schemaCompileMs ?? 0).toFixed(0)} ms) | ${s.synth.ms.toFixed(0)} ms | ${s.synth.peakRssMb} MB | ${s.synth.resources ?? 0} | ` +
      `${s.msPerResource.toFixed(3)} | ${s.baselineMsPerResource.toFixed(3)} | ${s.ratioToBaseline.toFixed(2)}× | ${s.policy.ms.toFixed(0)} ms |`,
  );
  const targets = results.targets.map(
    (t) => `- ${t.met ? "met" : "MISSED"}: ${t.description} ${t.limit} (measured ${t.measured})`,
  );
  return [
    `Node ${results.machine.node} on ${results.machine.cpus} cores; every phase ran in ${results.runsPerPhase} fresh processes, figures are the fastest run (wall time and that run's peak RSS)`,
    "",
    ...header,
    ...rows,
    "",
    "Targets:",
    ...targets,
    "",
  ].join("\n");
}
