/**
 * `npm run fleet`: crash recovery and scale-out, proven by runs of real processes.
 *
 *   npm run fleet -- [--supervisors 2000] [--tenants 10] [--instances 3] [--lease-ms 3000]
 *                    [--kill-at 0.3] [--runs crash,single,scale] [--verbose]
 *
 * crash: one bot drains the backlog and is killed with SIGKILL part-way through; a new bot takes
 *        over. Every due prompt must arrive; duplicates are counted and must be among the sends
 *        that were in flight at the kill.
 * scale: `--instances` bots on one store drain one backlog together; each prompt exactly once.
 * single: the same with one bot, as the baseline to compare scale with.
 * Prints a table of figures; exits 1 if a run broke its promise. test/e2e/crash-and-scale-out.test.ts
 * runs the short form in CI.
 */
import { parseArgs } from 'node:util';
import { crashRun, RunFigures, scaleOutRun } from '../test/support/fleet';

const { values } = parseArgs({
  options: {
    supervisors: { type: 'string', default: '2000' },
    tenants: { type: 'string', default: '10' },
    instances: { type: 'string', default: '3' },
    'lease-ms': { type: 'string', default: '3000' },
    'kill-at': { type: 'string', default: '0.3' },
    runs: { type: 'string', default: 'crash,scale' },
    'throttle-every': { type: 'string' },
    'retry-after': { type: 'string', default: '5' },
    verbose: { type: 'boolean', default: false },
  },
});

function positive(name: string, raw: string, integer = true): number {
  const n = Number(raw);
  if (!(n > 0) || (integer && !Number.isInteger(n))) {
    console.error(`--${name} must be a positive ${integer ? 'whole ' : ''}number (got ${raw})`);
    process.exit(2);
  }
  return n;
}

const common = {
  supervisors: positive('supervisors', values.supervisors),
  tenants: positive('tenants', values.tenants),
  leaseMs: positive('lease-ms', values['lease-ms']),
  timeoutMs: 30 * 60_000,
  throttle: values['throttle-every']
    ? {
        every: positive('throttle-every', values['throttle-every']),
        retryAfterSeconds: positive('retry-after', values['retry-after']),
      }
    : undefined,
  onLog: values.verbose ? (bot: string, line: string) => console.log(`[${bot}] ${line}`) : undefined,
};

/** what a run promised, broken; empty when it kept its word */
function broken(f: RunFigures): string[] {
  const out: string[] = [];
  if (f.tally.lost > 0) out.push(`${f.tally.lost} prompts lost`);
  if (f.tally.unexpected > 0) out.push(`${f.tally.unexpected} unexpected activities`);
  if (f.store.pendingSends > 0) out.push(`${f.store.pendingSends} send jobs left`);
  if (f.store.notMarkedSent > 0) out.push(`${f.store.notMarkedSent} prompts not marked sent`);
  if (f.store.openWithoutExpiry > 0) out.push(`${f.store.openWithoutExpiry} open prompts without an expiry`);
  const allowed = new Set(f.inFlightAtKill ?? []);
  const outside = f.tally.duplicated.filter((id) => !allowed.has(id));
  if (outside.length > 0) out.push(`${outside.length} prompts sent twice outside the crash window`);
  return out;
}

async function main(): Promise<void> {
  const runs = values.runs.split(',').map((r) => r.trim());
  const results: RunFigures[] = [];
  for (const run of runs) {
    console.log(`running ${run} with ${common.supervisors} supervisors …`);
    if (run === 'crash')
      results.push(await crashRun({ ...common, killAt: positive('kill-at', values['kill-at'], false) }));
    else if (run === 'single') results.push(await scaleOutRun({ ...common, instances: 1 }));
    else if (run === 'scale')
      results.push(await scaleOutRun({ ...common, instances: positive('instances', values.instances) }));
    else {
      console.error(`unknown run "${run}": crash, single or scale`);
      process.exit(2);
    }
  }
  const rows = results.map((f) => ({
    run: f.run,
    processes: f.processes,
    expected: f.tally.expected,
    delivered: f.tally.delivered,
    duplicates: f.tally.duplicates,
    'in flight at kill': f.inFlightAtKill?.length ?? '—',
    lost: f.tally.lost,
    'seed s': (f.seedMs / 1000).toFixed(1),
    'duration s': (f.durationMs / 1000).toFixed(1),
    'cards/s': f.ratePerSecond.toFixed(0),
    'tenant peak/s': f.tally.peakTenantPerSecond.toFixed(0),
    verdict: broken(f).join('; ') || 'ok',
  }));
  console.table(rows);
  console.log('what each process claimed (a short tick took less than a full batch, then paused):');
  console.table(
    results.flatMap((f) =>
      f.bots.map((b) => ({
        run: f.run,
        bot: b.name,
        ticks: b.ticks,
        claimed: b.claimed,
        'short ticks': b.shortTicks,
        'empty ticks': b.emptyTicks,
      })),
    ),
  );
  if (results.some((f) => f.tally.peakTenantPerSecond > 30))
    console.log(
      'note: a tenant received more than Teams’ ~30 sends a second: each process keeps its own rate limiter',
    );
  if (results.some((f) => broken(f).length > 0)) process.exitCode = 1;
}

main().catch((err: unknown) => {
  console.error(err instanceof Error ? err.stack : err);
  process.exit(1);
});
