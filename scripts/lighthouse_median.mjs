// Which of the Lighthouse reports given as arguments is the median run, by Lighthouse's own rule
// (computeMedianRun: the run nearest the median first contentful paint and time to interactive).
// Prints its position (0-based). Used by scripts/benchmark_web.py.
import { readFileSync } from "node:fs";
import { computeMedianRun } from "lighthouse/core/lib/median-run.js";

const runs = process.argv.slice(2).map((path) => JSON.parse(readFileSync(path, "utf8")));
console.log(runs.indexOf(computeMedianRun(runs)));
