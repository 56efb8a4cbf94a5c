/**
 * `npm run bench` (full, a few minutes) or `npm run bench -- --quick` (under two minutes).
 * Runs every section against the embedded Cosmos DB server and a local Bot Connector, prints one
 * table, and writes bench/results.json. Timings are reported, never asserted: CI runs the quick form
 * to prove the benchmark works, not to judge the machine it runs on.
 * `--only answering,storage` runs some sections.
 */
import { writeFileSync } from 'node:fs';
import * as os from 'node:os';
import * as path from 'node:path';
import { goals } from './goals';
import { sections } from './sections';
import { BenchRow, SectionResult } from './types';

function versionOf(name: string): string {
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    return (require(`${name}/package.json`) as { version: string }).version;
  } catch {
    return 'unknown';
  }
}

function machine() {
  const cpus = os.cpus();
  return {
    cpu: cpus[0]?.model.trim() ?? 'unknown',
    cores: cpus.length,
    memoryGiB: Number((os.totalmem() / 1024 ** 3).toFixed(1)),
    os: `${os.type()} ${os.release()} ${os.arch()}`,
    node: process.version,
    versions: Object.fromEntries(
      ['botbuilder', '@azure/cosmos', '@vercel/cosmosdb-server', 'restify'].map((n) => [n, versionOf(n)]),
    ),
  };
}

function table(rows: readonly BenchRow[]): string {
  const header = ['section', 'what', 'figure', 'goal', ''];
  const cells = rows.map((r) => [
    r.section,
    r.what,
    r.value,
    r.goal ?? '',
    r.met === undefined ? '' : r.met ? 'met' : 'MISSED',
  ]);
  const widths = header.map((h, i) => Math.max(h.length, ...cells.map((c) => c[i]!.length)));
  const line = (c: readonly string[]) =>
    c
      .map((v, i) => v.padEnd(widths[i]!))
      .join('  ')
      .trimEnd();
  return [line(header), line(widths.map((w) => '-'.repeat(w))), ...cells.map(line)].join('\n');
}

async function main(): Promise<void> {
  const args = process.argv.slice(2);
  const quick = args.includes('--quick');
  const onlyArg = args.find((a) => a.startsWith('--only'));
  const only = onlyArg
    ? (onlyArg.includes('=') ? onlyArg.split('=')[1]! : args[args.indexOf(onlyArg) + 1]!).split(',')
    : undefined;
  const started = process.hrtime.bigint();
  const about = machine();
  console.log(
    `Peer Coach benchmark (${quick ? 'quick' : 'full'}) on ${about.cores} × ${about.cpu}, ${about.memoryGiB} GiB, ` +
      `Node ${about.node}, botbuilder ${about.versions.botbuilder}, @azure/cosmos ${about.versions['@azure/cosmos']}, ` +
      `@vercel/cosmosdb-server ${about.versions['@vercel/cosmosdb-server']}`,
  );
  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const notes: string[] = [];
  for (const [name, section] of Object.entries(sections)) {
    if (only && !only.includes(name)) continue;
    console.log(`\n▶ ${name}`);
    const t0 = process.hrtime.bigint();
    const result: SectionResult = await section({
      quick,
      progress: (line) => console.log(`  ${line}`),
    });
    Object.assign(figures, result.figures);
    rows.push(...result.rows);
    notes.push(...(result.notes ?? []).map((n) => `${name}: ${n}`));
    console.log(`  done in ${(Number(process.hrtime.bigint() - t0) / 1e9).toFixed(1)} s`);
  }
  const checked = goals
    .filter((g) => g.figures.every((f) => f in figures))
    .map((g) => ({ goal: g.text, met: g.met(figures) }));
  const durationS = Number((Number(process.hrtime.bigint() - started) / 1e9).toFixed(1));
  console.log(`\n${table(rows)}`);
  if (checked.length > 0) {
    console.log('\nGoals');
    for (const c of checked) console.log(`  ${c.met ? 'met   ' : 'MISSED'}  ${c.goal}`);
  }
  if (notes.length > 0) {
    console.log('\nNotes');
    for (const n of notes) console.log(`  - ${n}`);
  }
  const out = path.join(__dirname, 'results.json');
  writeFileSync(
    out,
    `${JSON.stringify({ form: quick ? 'quick' : 'full', durationS, machine: about, figures, goals: checked, notes }, null, 2)}\n`,
  );
  console.log(`\n${durationS} s in all; figures written to ${path.relative(process.cwd(), out)}`);
}

main().then(
  () => process.exit(0),
  (err: unknown) => {
    console.error('benchmark failed:', err);
    process.exit(1);
  },
);
