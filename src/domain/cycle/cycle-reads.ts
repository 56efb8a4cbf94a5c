import { DateTime } from 'luxon';
import { Clock } from '../clock';
import { enrolmentId, Pair } from '../membership';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { dayScale, isAllowed, nextAllowed, TimingScale } from '../timing';
import { clampTtl } from '../ttl';
import { Observation } from './observation';
import { PromptView } from './ports';
import { focusOf, observationIdIn, Prompt, promptId } from './prompt';

export interface CycleOptions {
  /** real days, or minutes for a local demo run */
  readonly scale?: TimingScale;
  /** answers expire this many days after the programme ends (Cosmos DB TTL) */
  readonly retentionDays: number;
  readonly defaultTimeZone: string;
}

/** a prompt with everything its card shows: observation, pair and programme */
export interface LoadedPrompt {
  readonly prompt: Prompt;
  readonly promptEtag: string;
  readonly observation: Observation;
  readonly pair: Pair;
  readonly programme: Programme;
}

/**
 * What every part of the cycle reads and reckons the same way: a pair with its programme, a prompt
 * with what its card shows, a person's time zone, when a document expires and when someone may be
 * disturbed. Point reads only.
 */
/** programmes whose retention end is remembered at once; more than a deployment has, so it rarely clears */
const retentionKeys = 1000;

export class CycleReads {
  private readonly retention = new Map<string, number>();

  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly people: PeopleService,
    private readonly options: CycleOptions,
  ) {}

  /** how long a policy day lasts here, so that what the cards promise is what happens */
  get scale(): TimingScale {
    return this.options.scale ?? dayScale;
  }

  /** the pairs a person belongs to, with their programmes (point reads only) */
  async pairsOf(person: Person): Promise<{ programme: Programme; pair: Pair }[]> {
    const found = await Promise.all(
      person.programmeIds.map(async (programmeId) => {
        const enrolment = await this.repos.programmes.enrolments.read(enrolmentId(person.id), programmeId);
        if (!enrolment?.doc.pairId) return undefined;
        const [pair, programme] = await Promise.all([
          this.repos.programmes.pairs.read(enrolment.doc.pairId, programmeId),
          this.repos.programmes.programmes.read(programmeId, programmeId),
        ]);
        return pair && programme ? { programme: programme.doc, pair: pair.doc } : undefined;
      }),
    );
    return found.filter((f): f is { programme: Programme; pair: Pair } => f !== undefined);
  }

  /** one of the pair's observations, only for a member of it (one point read) */
  async observationOf(person: Person, pairId: string, id: string): Promise<Observation | undefined> {
    const o = (await this.repos.cycles.observations.read(id, pairId))?.doc;
    return o && o.memberIds.includes(person.id) ? o : undefined;
  }

  zoneOf(person: Person | undefined, programme: Programme): string {
    return (
      person?.preferences.timeZone ??
      person?.seen.timeZone ??
      programme.timeZone ??
      this.options.defaultTimeZone
    );
  }

  async context(
    pairId: string,
    programmeId: string,
  ): Promise<{ pair: Pair; programme: Programme } | undefined> {
    const [pair, programme] = await Promise.all([
      this.repos.programmes.pairs.read(pairId, programmeId),
      this.repos.programmes.programmes.read(programmeId, programmeId),
    ]);
    return pair && programme ? { pair: pair.doc, programme: programme.doc } : undefined;
  }

  /**
   * A prompt with what its card shows. The observation's id is in the prompt's, and a reader who
   * belongs to one programme (`programmeIds`, their own) is in that programme's pair: so all four
   * are read at once. Each guess counts only when the prompt and its observation say the same;
   * otherwise the right document is read after them.
   */
  async load(
    pairId: string,
    id: string,
    programmeIds: readonly string[] = [],
  ): Promise<LoadedPrompt | undefined> {
    const observationId = observationIdIn(id);
    const programmeId = programmeIds.length === 1 ? programmeIds[0] : undefined;
    const [prompt, guessedObservation, guessedContext] = await Promise.all([
      this.repos.cycles.prompts.read(id, pairId),
      observationId && this.repos.cycles.observations.read(observationId, pairId),
      programmeId && this.context(pairId, programmeId),
    ]);
    if (!prompt) return undefined;
    const observation =
      prompt.doc.observationId === observationId
        ? guessedObservation || undefined
        : await this.repos.cycles.observations.read(prompt.doc.observationId, pairId);
    if (!observation) return undefined;
    const ctx =
      observation.doc.programmeId === programmeId
        ? guessedContext || undefined
        : await this.context(pairId, observation.doc.programmeId);
    if (!ctx) return undefined;
    return { prompt: prompt.doc, promptEtag: prompt.etag, observation: observation.doc, ...ctx };
  }

  /** the host's focus, once given: what an observer's card shows (one point read, for those cards only) */
  async hostFocus(p: Prompt, o: Observation): Promise<string | undefined> {
    if (p.kind !== 'beforeObserver' && p.kind !== 'afterObserver') return undefined;
    const hostBefore = await this.repos.cycles.prompts.read(promptId(o.id, 'beforeHost', o.hostId), o.pairId);
    return focusOf(hostBefore?.doc);
  }

  /**
   * What a prompt's card shows besides its questions: an observer's card shows the host's focus,
   * read here unless `extra` brings it
   */
  async view(
    p: Prompt,
    o: Observation,
    pair: Pair,
    programme: Programme,
    extra: Partial<PromptView> = {},
  ): Promise<PromptView> {
    const hostFocus = 'hostFocus' in extra ? extra.hostFocus : await this.hostFocus(p, o);
    return { observation: o, programmeName: programme.name, names: pair.memberNames, ...extra, hostFocus };
  }

  /**
   * A prompt card as it stands now, for the person it was sent to (Teams asks again whenever the card
   * is shown): answered, expired or withdrawn since, or still open. Anyone else gets nothing — the
   * observer's card shows the host's focus.
   */
  async promptFor(
    by: Person,
    pairId: string,
    id: string,
  ): Promise<{ readonly prompt: Prompt; readonly view: PromptView } | 'forbidden' | undefined> {
    const loaded = await this.load(pairId, id, by.programmeIds);
    if (!loaded) return undefined;
    if (loaded.prompt.personId !== by.id) return 'forbidden';
    const { prompt, observation, pair, programme } = loaded;
    return { prompt, view: await this.view(prompt, observation, pair, programme) };
  }

  /**
   * Seconds until a pair's document expires: retention after the programme's last day. Cosmos DB
   * counts a ttl from a document's last write, so a later write can only move expiry later, never
   * earlier than promised.
   */
  ttl(programme: Programme): number {
    return clampTtl((this.retainedUntil(programme) - this.clock.now().getTime()) / 1000);
  }

  /**
   * The end of the retention period, ms: a function of the programme's last day and time zone only,
   * remembered because a card answer asks for it several times and luxon's zone arithmetic is the
   * costliest part of the answer's own work (a changed last day or zone is a new key)
   */
  private retainedUntil(programme: Programme): number {
    const key = `${programme.endDate}|${programme.timeZone}`;
    let end = this.retention.get(key);
    if (end === undefined) {
      end = DateTime.fromISO(programme.endDate, { zone: programme.timeZone })
        .endOf('day')
        .plus({ days: this.options.retentionDays })
        .toMillis();
      if (this.retention.size >= retentionKeys) this.retention.clear();
      this.retention.set(key, end);
    }
    return end;
  }

  /** undefined when now is an allowed moment for this person; otherwise their next allowed moment */
  deferral(person: Person, programme: Programme): Date | undefined {
    if (this.scale.unit === 'minutes') return undefined;
    const now = this.clock.now();
    const zone = this.zoneOf(person, programme);
    return isAllowed(now, zone, programme.policy) ? undefined : nextAllowed(now, zone, programme.policy);
  }
}
