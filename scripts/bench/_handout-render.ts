// Times in-process handout renders of the 12-exercise fixture, A4 and large print, and
// optionally writes the first PDF of each. A tool for profiling (add --cpu-prof), not a budget
// check, so `npm run bench` skips it (the leading underscore):
//   NODE_ENV=production node --import tsx scripts/bench/_handout-render.ts [runs] [--warm-up=20] [--novel] [--out=/tmp/handout]
// The first render is timed on its own; then --warm-up untimed renders let V8 compile the hot
// code (a fresh process takes a dozen or more to settle), then `runs` timed ones. With --novel,
// every timed render's plan has text no earlier render had (title, patient, each exercise's
// name, summary, steps, cues and note), so nothing of it is found among kept shaped text.
// NODE_ENV=production matters: React's development build nearly doubles the render time.
// CPU time is reported beside wall time because it is less disturbed by other work on the machine.
import fs from "node:fs";
import { fixtureItems, fixtureLink, fixtureSnapshot } from "@/lib/handout/fixture";
import type { PlanSnapshot } from "@/lib/plans/snapshot";
import { renderHandout } from "@/lib/handout/render";

const args = process.argv.slice(2);
const runs = Number(args.find((arg) => /^\d+$/.test(arg)) ?? 30);
const out = args.find((arg) => arg.startsWith("--out="))?.slice("--out=".length);
const warmUp = Number(args.find((arg) => arg.startsWith("--warm-up="))?.slice("--warm-up=".length) ?? 20);
const novel = args.includes("--novel");

let plans = 0;
/** The fixture, or with --novel the fixture with every plan-specific string made new. */
function plan(): PlanSnapshot {
  if (!novel) return fixtureSnapshot();
  const tag = ` (${++plans})`;
  const items = fixtureItems().map((item) => ({
    ...item,
    name: item.name + tag,
    summary: item.summary + tag,
    steps: item.steps.map((step) => step + tag),
    cues: item.cues.map((cue) => cue + tag),
    note: item.note ? item.note + tag : item.note,
  }));
  return fixtureSnapshot({ items, title: `Knee plan${tag}`, patient: { displayName: `Zoë Łukasiewicz-Núñez${tag}` } });
}

function summary(times: number[]): string {
  const sorted = [...times].sort((a, b) => a - b);
  const median = sorted[Math.floor(sorted.length / 2)];
  return `median ${median.toFixed(1)} ms (min ${sorted[0].toFixed(1)}, max ${sorted[sorted.length - 1].toFixed(1)})`;
}

async function timed<T>(fn: () => Promise<T>): Promise<{ value: T; wall: number; cpu: number }> {
  const cpuStart = process.cpuUsage();
  const start = performance.now();
  const value = await fn();
  const wall = performance.now() - start;
  const cpu = process.cpuUsage(cpuStart);
  return { value, wall, cpu: (cpu.user + cpu.system) / 1000 };
}

console.log(`NODE_ENV=${process.env.NODE_ENV ?? "(unset)"}, ${warmUp} untimed then ${runs} timed renders each${novel ? ", new text each time" : ""}`);
for (const largePrint of [false, true]) {
  const options = { link: fixtureLink, paper: "A4", largePrint } as const;
  const first = await timed(() => renderHandout(plan(), options));
  for (let i = 0; i < warmUp; i++) await renderHandout(plan(), options);
  const wall: number[] = [];
  const cpu: number[] = [];
  for (let i = 0; i < runs; i++) {
    const snapshot = plan();
    const run = await timed(() => renderHandout(snapshot, options));
    wall.push(run.wall);
    cpu.push(run.cpu);
  }
  console.log(
    `${largePrint ? "large print" : "A4"}: first ${first.wall.toFixed(0)} ms; warm wall ${summary(wall)}; warm CPU ${summary(cpu)}; ${first.value.length} bytes`,
  );
  if (out) fs.writeFileSync(`${out}-${largePrint ? "large" : "a4"}.pdf`, first.value);
}
