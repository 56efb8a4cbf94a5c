import { Readiness } from '../http/server';
import { Telemetry } from '../telemetry/telemetry';

/**
 * /readyz: the store answers, and this instance's scheduler is not stalled (DispatchLoop.stalled).
 * The store comes first: without it the scheduler stalls too, and the store is what to look at.
 * Every answer also sets the `peercoach.ready` gauge.
 */
export function readinessCheck(
  storeAnswers: () => Promise<boolean>,
  schedulerStalled: () => boolean,
  telemetry: Telemetry,
): () => Promise<Readiness> {
  return async () => {
    const readiness: Readiness = !(await storeAnswers())
      ? { ok: false, reason: 'store unreachable' }
      : schedulerStalled()
        ? { ok: false, reason: 'scheduler stalled' }
        : { ok: true };
    telemetry.readiness(readiness.ok);
    return readiness;
  };
}
