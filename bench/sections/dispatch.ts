/**
 * Dispatch: a backlog of due prompts for thousands of supervisors, sent by Peer
 * Coach's scheduler and sender to a Bot Connector that enforces Teams' limits with 429s; beside it,
 * in the same run, the two ways a botbuilder sample sends proactive messages (one after another,
 * and all at once), replaying the same cards to the same conversation references against the same
 * limits.
 *
 * The limits (bench/support/dispatch-limits.ts): per conversation as published (7/1 s, 8/2 s,
 * 60/30 s, 1800/h); per tenant `tenantRate` a second, over `tenants` tenants. The allowed rate is
 * tenants × tenantRate: each supervisor is due two prompts, so no conversation comes near its own
 * windows, and the tenant limit is the binding one. Peer Coach's rate limiter is told the same
 * tenant rate (FLEET_TENANT_RATE → AppOptions.perTenant).
 *
 * BENCH_PROFILE=1 starts the bot with `--cpu-prof` (profile in bench/profiles/).
 */
import { baseline, BaselineMode, BaselineResult, drain } from '../support/dispatch-run';
import { Achieved } from '../support/dispatch-limits';
import { BenchContext, BenchRow, BenchSection, round, SectionResult } from '../types';

/** the connector's limit per tenant, and the tenants: 4 × 24 = 96 sends a second allowed */
export const dispatchLimits = { tenants: 4, tenantRate: 24, batch: 128 } as const;

const sizes = (quick: boolean) => ({ supervisors: quick ? 300 : 2000 });

export const dispatch: BenchSection = async ({ quick, progress }: BenchContext): Promise<SectionResult> => {
  const { tenants, tenantRate } = dispatchLimits;
  const allowed = tenants * tenantRate;
  const { supervisors } = sizes(quick);
  const profile = process.env.BENCH_PROFILE === '1' ? 'dispatch' : undefined;
  const ours = await drain({
    supervisors,
    tenants,
    tenantRate,
    instances: 1,
    perProcessRate: tenantRate,
    batch: dispatchLimits.batch,
    timeoutMs: 20 * 60_000,
    profile,
    progress,
  });
  progress(
    `Peer Coach: ${ours.achieved.accepted} sent in ${(ours.achieved.spanMs / 1000).toFixed(1)} s, ` +
      `${ours.achieved.perSecond.toFixed(1)} /s, ${ours.achieved.throttled} throttled`,
  );
  const timeoutMs = 20 * 60_000;
  const baselines: Record<BaselineMode, BaselineResult> = {
    sequential: await baseline('sequential', ours.sends, ours.expected, tenantRate, timeoutMs),
    'all-at-once': await baseline('all-at-once', ours.sends, ours.expected, tenantRate, timeoutMs),
  };
  for (const [mode, b] of Object.entries(baselines))
    progress(
      `${mode}: ${b.achieved.accepted} sent in ${(b.achieved.spanMs / 1000).toFixed(1)} s, ` +
        `${b.achieved.perSecond.toFixed(1)} /s, ${b.achieved.throttled} throttled, ${b.lost} lost ${JSON.stringify(b.errors)}`,
    );

  const figures: Record<string, number> = {};
  const rows: BenchRow[] = [];
  const share = (a: Achieved) => (a.attempts > 0 ? a.throttled / a.attempts : 0);
  const put = (key: string, what: string, a: Achieved, lost: number, duplicates: number, goals: boolean) => {
    const ratio = a.perSecond / allowed;
    figures[`${key}.rate_per_s`] = round(a.perSecond, 1);
    figures[`${key}.ratio_to_allowed`] = round(ratio, 3);
    figures[`${key}.throttled_share`] = round(share(a), 4);
    figures[`${key}.lost`] = lost;
    figures[`${key}.duplicates`] = duplicates;
    rows.push(
      {
        section: 'dispatch',
        what: `${what}: rate`,
        value: `${a.perSecond.toFixed(1)} /s of ${allowed} /s allowed`,
      },
      {
        section: 'dispatch',
        what: `${what}: ratio to allowed`,
        value: ratio.toFixed(3),
        ...(goals ? { goal: '≥ 0.9', met: ratio >= 0.9 } : {}),
      },
      {
        section: 'dispatch',
        what: `${what}: throttled share`,
        value: `${(share(a) * 100).toFixed(2)} % (${a.throttled} of ${a.attempts})`,
        ...(goals ? { goal: '< 1 %', met: share(a) < 0.01 } : {}),
      },
      {
        section: 'dispatch',
        what: `${what}: lost / duplicates`,
        value: `${lost} / ${duplicates}`,
        ...(goals ? { goal: '0 / 0', met: lost === 0 && duplicates === 0 } : {}),
      },
    );
  };
  put('dispatch', 'Peer Coach', ours.achieved, ours.tally.lost, ours.tally.duplicates, true);
  put(
    'dispatch.sequential',
    'sample, sequential',
    baselines.sequential.achieved,
    baselines.sequential.lost,
    baselines.sequential.duplicates,
    false,
  );
  put(
    'dispatch.all_at_once',
    'sample, all at once',
    baselines['all-at-once'].achieved,
    baselines['all-at-once'].lost,
    baselines['all-at-once'].duplicates,
    false,
  );
  const notes = [
    `Peer Coach claims ${dispatchLimits.batch} jobs per claim query here (AppOptions.batch; the app's default is 32) with 3 ticks in flight: ` +
      'the embedded Cosmos DB server scans every document of the schedule container for each claim (~50 ms at 4 000 documents, 0.15–1.5 s at 8 000–16 000, and erratic), ' +
      'which at 32 per claim held a 4 000-prompt drain to ~30 /s. Azure serves the same query from its range index in milliseconds.',
    `allowed rate = ${tenants} tenants × ${tenantRate} sends/s per tenant (the connector's tenant limit, chosen to keep the run short; Teams' is ~30) = ${allowed} /s; ` +
      'per-conversation limits (7/1 s, 8/2 s, 60/30 s, 1800/h) are enforced too, but each supervisor gets two cards, so the tenant limit binds. ' +
      'Rate = accepted sends ÷ time from the first attempt to the last accepted send; throttled share = 429s ÷ all attempts.',
    `${supervisors} supervisors, ${ours.expected.size} due prompts; the baselines send the same ${ours.sends.length} cards to the same conversation references ` +
      "with botbuilder's CloudAdapter.continueConversationAsync + sendActivity and no limiter of their own (the SDK's default retry honours Retry-After a few times); " +
      `lost = cards that never arrived (sequential errors: ${JSON.stringify(baselines.sequential.errors)}, all at once: ${JSON.stringify(baselines['all-at-once'].errors)}).`,
  ];
  return { figures, rows, notes };
};
