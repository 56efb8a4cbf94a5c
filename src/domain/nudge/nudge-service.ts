import { randomUUID } from 'node:crypto';
import { Clock } from '../clock';
import { WorkOutcome } from '../cycle/cycle-jobs';
import { DueWork } from '../cycle/ports';
import { mutate } from '../mutate';
import { Person } from '../people';
import { IdentifierKind, screenFreeText } from '../privacy/identifiers';
import { ConversationReach, SendOutcome } from '../ports';
import { Repositories } from '../repositories';
import { ReportService } from '../report/report-service';
import { Segment, selectSegment, Selection } from '../report/segments';
import { deliveryId, DeliveryStatus, Nudge } from './nudge';

/** sends nudges and shows the coordinator how far it got */
export interface NudgeMail {
  send(to: Person, nudge: Nudge, programmeName: string): Promise<SendOutcome>;
  /** updates the coordinator's card in place: progress while sending, the delivery report at the end */
  showProgress(nudge: Nudge, programmeName: string): Promise<void>;
}

export const nudgeJobKind = 'nudge.batch';
const batchSize = 20;
/** the coordinator's card is updated at most this often */
const progressEveryMs = 3000;
const messageLength = 1000;

export type PreviewOutcome =
  | { readonly status: 'ready'; readonly nudge: Nudge; readonly selection: Selection }
  | { readonly status: 'empty' | 'tooLong' | 'missing' }
  /** the message holds an identifier: `shown` is what was found, masked */
  | { readonly status: 'identifier'; readonly kind: IdentifierKind; readonly shown: string };

/**
 * Nudges: a coordinator's message to a segment of a programme. Recipients are fixed at preview; the
 * send runs as durable work in batches through the rate-limited messenger, so it survives a restart
 * and resumes where it was; a delivery document per recipient, created once, means nobody gets the
 * same nudge twice.
 */
export class NudgeService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly reports: ReportService,
    private readonly work: DueWork,
    private readonly mail: NudgeMail,
  ) {}

  /** `wording`: the ready-made wording `message` is, if it is one, so each recipient reads it in their language */
  async preview(
    by: Person,
    programmeId: string,
    segment: Segment,
    message: string,
    wording?: string,
  ): Promise<PreviewOutcome> {
    const screened = screenFreeText(message, { today: this.clock.now() });
    const text = screened.text.trim();
    if (!text) return { status: 'empty' };
    if (text.length > messageLength) return { status: 'tooLong' };
    // a nudge is stored and sent to many people: no patient or learner identifier goes out
    if (screened.findings.length > 0) {
      const shown = screened.findings.map((f) => f.shown).join(', ');
      return { status: 'identifier', kind: screened.findings[0]!.kind, shown };
    }
    const facts = await this.reports.facts(programmeId);
    if (!facts) return { status: 'missing' };
    const selection = selectSegment(segment, facts, this.clock.now());
    const nudge: Nudge = {
      type: 'nudge',
      id: `nudge:${randomUUID()}`,
      programmeId,
      createdBy: by.id,
      createdAt: this.clock.now().toISOString(),
      segment,
      message: text,
      ...(wording ? { wording } : {}),
      recipients: selection.listOnly ? [] : selection.recipients,
      status: 'draft',
      counts: { sent: 0, unreachable: 0, failed: 0, paused: 0 },
    };
    await this.repos.programmes.nudges.create(nudge);
    return { status: 'ready', nudge, selection };
  }

  /** starts sending a previewed nudge; a second click finds it already sending and changes nothing */
  async confirm(
    programmeId: string,
    nudgeId: string,
    progress: ConversationReach & { activityId: string },
  ): Promise<{ nudge: Nudge; started: boolean } | undefined> {
    const result = await mutate<Nudge>(this.repos.programmes.nudges, nudgeId, programmeId, (n) =>
      n && n.status === 'draft'
        ? { ...n, status: 'sending', sentAt: this.clock.now().toISOString(), progress, next: 0 }
        : undefined,
    );
    if (!result.doc) return undefined;
    if (result.changed) {
      await this.work.put({
        id: `nudge:${nudgeId.replace(/^nudge:/, '')}`,
        kind: nudgeJobKind,
        dueAt: this.clock.now(),
        payload: { programmeId, nudgeId },
      });
    }
    return { nudge: result.doc, started: result.changed };
  }

  /** one batch of a nudge being sent; comes back until everyone has been tried */
  async batch(payload: Readonly<Record<string, string>>): Promise<WorkOutcome> {
    const programmeId = payload.programmeId ?? '';
    const found = await this.repos.programmes.nudges.read(payload.nudgeId ?? '', programmeId);
    if (!found || found.doc.status !== 'sending') return { status: 'done' };
    const nudge = found.doc;
    const programme = (await this.repos.programmes.programmes.read(programmeId, programmeId))?.doc;
    const start = nudge.next ?? 0;
    const slice = nudge.recipients.slice(start, start + batchSize);
    const tally = { sent: 0, unreachable: 0, failed: 0, paused: 0 };
    for (const personId of slice) {
      const status = await this.deliver(nudge, personId, programme?.name ?? '');
      if (status !== 'sending') tally[status]++;
    }
    const now = this.clock.now();
    const next = start + slice.length;
    const finished = next >= nudge.recipients.length;
    const updated = await mutate<Nudge>(this.repos.programmes.nudges, nudge.id, programmeId, (n) =>
      n && n.status === 'sending' && (n.next ?? 0) === start
        ? {
            ...n,
            next,
            counts: {
              sent: n.counts.sent + tally.sent,
              unreachable: n.counts.unreachable + tally.unreachable,
              failed: n.counts.failed + tally.failed,
              paused: n.counts.paused + tally.paused,
            },
            ...(finished ? { status: 'done' as const, finishedAt: now.toISOString() } : {}),
          }
        : undefined,
    );
    const doc = updated.doc;
    if (doc && updated.changed) {
      const due = !doc.lastProgressAt || now.getTime() - Date.parse(doc.lastProgressAt) >= progressEveryMs;
      if (finished || due) {
        await this.mail.showProgress(doc, programme?.name ?? '');
        await mutate<Nudge>(
          this.repos.programmes.nudges,
          doc.id,
          programmeId,
          (n) => n && { ...n, lastProgressAt: now.toISOString() },
        );
      }
    }
    return finished ? { status: 'done' } : { status: 'retry', at: now };
  }

  /** at most once per person: the delivery document is created before the send */
  private async deliver(nudge: Nudge, personId: string, programmeName: string): Promise<DeliveryStatus> {
    const id = deliveryId(nudge.id, personId);
    const at = this.clock.now().toISOString();
    const base = {
      type: 'nudge-delivery' as const,
      id,
      programmeId: nudge.programmeId,
      nudgeId: nudge.id,
      personId,
      at,
    };
    if ((await this.repos.programmes.deliveries.create({ ...base, status: 'sending' })) === 'exists')
      return 'sending';
    const person = (await this.repos.people.read(personId, personId))?.doc;
    let status: DeliveryStatus;
    if (!person?.reach) status = 'unreachable';
    else if (person.paused) status = 'paused';
    else {
      const outcome = await this.mail.send(person, nudge, programmeName);
      status =
        outcome.status === 'sent' ? 'sent' : outcome.status === 'unreachable' ? 'unreachable' : 'failed';
    }
    await mutate(this.repos.programmes.deliveries, id, nudge.programmeId, (d) => d && { ...d, status, at });
    return status;
  }

  /** every nudge of a programme, newest first: who, when, segment, counts */
  history(programmeId: string): Promise<Nudge[]> {
    return this.repos.programmes.nudgesOf(programmeId);
  }
}
