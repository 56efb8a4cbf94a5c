import { Pair } from '../membership';
import { Person } from '../people';
import { Programme } from '../programme';
import { jobKinds, retryAfterFailure, WorkOutcome } from './cycle-jobs';
import { CycleCore } from './cycle-core';
import { CycleNotice } from './ports';

/** a notice that one member did something to an observation */
export type MemberNotice = Extract<CycleNotice, { by: string }>;

/** what one member of a pair did, told to the others at a moment they may be disturbed */
export class CycleNotices {
  constructor(private readonly core: CycleCore) {}

  /**
   * Tells the other members what one of them did — now, or at their next allowed moment if it is
   * their quiet hours or day off (a change made at 3 a.m. in one zone waits for the morning in another).
   */
  async tellOthers(by: Person, pair: Pair, programme: Programme, notice: MemberNotice): Promise<void> {
    for (const id of pair.memberIds.filter((m) => m !== by.id)) {
      const person = await this.core.people.get(id);
      if (!person?.reach) continue;
      const later = this.core.reads.deferral(person, programme);
      if (!later) {
        await this.core.mail.notify(person, notice);
        continue;
      }
      const o = notice.observation;
      await this.core.work.put({
        id: `notice:${o.id.replace(/^observation:/, '')}:${o.revision}:${notice.kind}:${id}`,
        kind: jobKinds.notice,
        dueAt: later,
        payload: { pairId: o.pairId, observationId: o.id, to: id, notice: notice.kind, by: notice.by },
      });
    }
  }

  /** a deferred notice, at its recipient's allowed moment; a scheduling notice the events overtook is dropped */
  async sendNotice(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const o = (
      await this.core.repos.cycles.observations.read(payload.observationId ?? '', payload.pairId ?? '')
    )?.doc;
    const person = await this.core.people.get(payload.to ?? '');
    const kind = payload.notice as MemberNotice['kind'];
    if (!o || !person?.reach) return { status: 'done' };
    if ((kind === 'scheduled' || kind === 'rescheduled') && o.status !== 'scheduled')
      return { status: 'done' };
    const pair = (await this.core.repos.programmes.pairs.read(o.pairId, o.programmeId))?.doc;
    const outcome = await this.core.mail.notify(person, {
      kind,
      by: payload.by ?? '',
      observation: o,
      names: pair?.memberNames ?? {},
    });
    return outcome.status === 'failed' ? retryAfterFailure(this.core.clock.now()) : { status: 'done' };
  }
}
