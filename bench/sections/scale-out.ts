/**
 * Scale-out: three Peer Coach processes on one store drain one backlog, against
 * the same connector limits as the dispatch section (bench/support/dispatch-limits.ts), beside one
 * process draining an identical backlog. Every prompt must arrive exactly once.
 *
 * Teams counts a tenant's sends over all of a bot's instances, while each process keeps its own rate
 * limiter: three processes each allowed the whole tenant rate would together send three times too
 * fast, and mostly collect 429s. So each of N processes is given 1/N of each tenant's rate
 * (AppOptions.perTenant, here through FLEET_TENANT_RATE): never more than the tenant allows, with no
 * coordination at run time. What limits it: the share is fixed, so a process that has run out of
 * work for a tenant leaves its share unused (the tail of a drain), and the instance count must be
 * known (it is, to whoever deploys them). Claims are the app's default 32 jobs (the dispatch section
 * claims more), so that the backlog is shared finely between the processes.
 */
import { drain, DrainResult } from '../support/dispatch-run';
import { dispatchLimits } from './dispatch';
import { BenchContext, BenchRow, BenchSection, round, SectionResult } from '../types';

const sizes = (quick: boolean) => ({ supervisors: quick ? 300 : 1000 });

export const scaleOut: BenchSection = async ({ quick, progress }: BenchContext): Promise<SectionResult> => {
  const { tenants, tenantRate } = dispatchLimits;
  const allowed = tenants * tenantRate;
  const { supervisors } = sizes(quick);
  const instances = 3;
  if (tenantRate % instances !== 0)
    throw new Error(`the tenant rate ${tenantRate} does not split ${instances} ways`);
  const profile = process.env.BENCH_PROFILE === '1' ? 'scaleout' : undefined;
  const run = async (label: string, n: number, perProcessRate: number): Promise<DrainResult> => {
    const r = await drain({
      supervisors,
      tenants,
      tenantRate,
      instances: n,
      perProcessRate,
      timeoutMs: 20 * 60_000,
      profile: profile && `${profile}-${n}`,
      progress,
    });
    progress(
      `${label}: ${r.achieved.accepted} sent in ${(r.achieved.spanMs / 1000).toFixed(1)} s, ` +
        `${r.achieved.perSecond.toFixed(1)} /s, ${r.achieved.throttled} throttled, ${r.tally.duplicates} duplicates, ` +
        `claimed ${r.bots.map((b) => b.claimed).join(' / ')}`,
    );
    return r;
  };
  const one = await run('1 process', 1, tenantRate);
  const three = await run(
    `${instances} processes, 1/${instances} of the tenant rate each`,
    instances,
    tenantRate / instances,
  );

  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const share = (r: DrainResult) =>
    r.achieved.attempts > 0 ? r.achieved.throttled / r.achieved.attempts : 0;
  const row = (key: string, what: string, r: DrainResult) => {
    figures[`${key}.rate_per_s`] = round(r.achieved.perSecond, 1);
    figures[`${key}.ratio_to_allowed`] = round(r.achieved.perSecond / allowed, 3);
    figures[`${key}.throttled_share`] = round(share(r), 4);
    figures[`${key}.lost`] = r.tally.lost;
    figures[`${key}.duplicates`] = r.tally.duplicates;
    rows.push({
      section: 'scaleout',
      what,
      value:
        `${r.achieved.perSecond.toFixed(1)} /s (${(r.achieved.perSecond / allowed).toFixed(3)} of allowed), ` +
        `${(share(r) * 100).toFixed(2)} % throttled, ${r.tally.lost} lost, ${r.tally.duplicates} duplicates`,
    });
  };
  row('scaleout.single', '1 process', one);
  row('scaleout.three', `${instances} processes, shared tenant rate`, three);
  const speedup = one.achieved.perSecond > 0 ? three.achieved.perSecond / one.achieved.perSecond : 0;
  figures['scaleout.rate_per_s'] = round(three.achieved.perSecond, 1);
  figures['scaleout.duplicates'] = three.tally.duplicates;
  figures['scaleout.lost'] = three.tally.lost;
  figures['scaleout.speedup'] = round(speedup, 3);
  rows.push(
    {
      section: 'scaleout',
      what: `${instances} processes: duplicates`,
      value: String(three.tally.duplicates),
      goal: '0',
      met: three.tally.duplicates === 0,
    },
    {
      section: 'scaleout',
      what: `speedup (${instances} ÷ 1)`,
      value: speedup.toFixed(3),
      goal: '≥ 1',
      met: speedup >= 1,
    },
  );
  const notes = [
    `${supervisors} supervisors (${one.expected.size} due prompts) per run, ${tenants} tenants × ${tenantRate} sends/s = ${allowed} /s allowed, as in dispatch; ` +
      `with ${instances} processes each takes ${tenantRate / instances} /s per tenant (AppOptions.perTenant), so together they stay within the tenant limit without coordinating.`,
    'The tenant limit, not CPU, binds both runs, so three processes cannot be much faster than one: speedup ≈ 1 is the expected result; ' +
      'what scale-out buys here is headroom (each process does a third of the work) and surviving the loss of one.',
    'Without the share (each process the whole tenant rate) three processes send three times too fast: in a trial run (1000 supervisors) ' +
      "most attempts were answered 429, sends ran out of the Messenger's four attempts and were rescheduled with the scheduler's back-off " +
      '(30 s and more), and the 2000 prompts had not drained after four minutes.',
  ];
  return { figures, rows, notes };
};
