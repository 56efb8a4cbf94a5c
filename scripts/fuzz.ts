/**
 * The long fuzz of /api/messages: `npm run fuzz -- --runs 5000 --seed 42`. Starts the whole bot on
 * an embedded store, drives a short real session, then posts `--runs` generated steps (random and
 * mutated activities, real card payloads mutated, clock jumps) and prints the figures. Exits 1 on
 * a failure (5xx, crash, hung request, unhealthy process, malformed document).
 *
 * --runs N          how many steps (default 5000)
 * --seed N          fast-check's seed (default: random, printed)
 * --path P          with --seed: replay one failure's counterexample
 * --survey          do not stop at the first failure: list every kind of failure found
 * --slow-targets    also aim some replies at a port nobody listens on (each costs ~10 s)
 */
import { parseArgs } from 'node:util';
import { formatReport, runFuzz, startFuzzBot } from '../test/support/fuzz';

async function main(): Promise<number> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5000' },
      seed: { type: 'string' },
      path: { type: 'string' },
      survey: { type: 'boolean', default: false },
      'slow-targets': { type: 'boolean', default: false },
    },
  });
  const runs = Number(values.runs);
  const seed = values.seed === undefined ? Math.floor(Math.random() * 2 ** 31) : Number(values.seed);
  if (!Number.isInteger(runs) || runs < 1 || !Number.isInteger(seed)) {
    console.error('usage: tsx scripts/fuzz.ts [--runs N] [--seed N] [--path P] [--survey] [--slow-targets]');
    return 2;
  }
  console.log(`fuzzing /api/messages: ${runs} runs, seed ${seed}`);
  const { bot, logged, close } = await startFuzzBot();
  try {
    const report = await runFuzz({
      runs,
      seed,
      path: values.path,
      bot,
      logged,
      stopOnFailure: !values.survey,
      slowTargets: values['slow-targets'],
      onRun: (n) => {
        if (n % 500 === 0) console.error(`  … ${n} runs`);
      },
    });
    console.log(formatReport(report).join('\n'));
    const ok = !report.failure && report.malformed.length === 0 && Object.keys(report.problems).length === 0;
    console.log(ok ? 'OK' : 'FAILED');
    return ok ? 0 : 1;
  } finally {
    await close();
  }
}

main().then(
  (code) => process.exit(code),
  (err: unknown) => {
    console.error(err);
    process.exit(1);
  },
);
