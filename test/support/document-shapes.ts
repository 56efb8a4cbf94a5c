import { IANAZone } from 'luxon';
import { statementIds } from '../../src/domain/evaluation/statements';
import { commentMaxLength, OverallId, overallQuestions } from '../../src/domain/evaluation/end-answers';
import { learnerLevels, settings } from '../../src/domain/cycle/observation';
import { PromptKind, questionsFor } from '../../src/domain/cycle/questions';
import { limits } from '../../src/domain/programme';
import { segmentKinds } from '../../src/domain/report/segments';
import { wordings } from '../../src/cards/nudge-cards';
import { containerSpecs, ContainerName } from '../../src/store/containers';

/**
 * What a stored document must look like, per container and `type`, as the repositories and the
 * domain types expect it. A problem names the field and what is wrong with its type or size — never
 * the value, which may be what someone wrote.
 */

type Doc = Record<string, unknown>;

/** the limits the domain documents (src/domain; answers: src/domain/cycle/question-bank.json) */
export const textLimits = Object.freeze({
  programmeName: limits.nameLength,
  department: 80,
  actionPoint: 500,
  nudgeMessage: 1000,
  /** Cosmos DB refuses longer ids */
  id: 255,
});

/** the document types each container may hold */
const typesOf: Record<ContainerName, readonly string[]> = {
  people: ['person', 'calendar', 'erasure'],
  teams: ['team'],
  programmes: [
    'programme',
    'enrolment',
    'pair',
    'invitation',
    'nudge',
    'nudge-delivery',
    'audit',
    'released-figures',
    'evaluation',
    'evaluation-release',
  ],
  cycles: ['observation', 'prompt', 'summary', 'posted'],
  schedule: ['job', 'job-pointer'],
};

const systemFields = new Set(['_rid', '_self', '_etag', '_attachments', '_ts']);
const pollutingKeys = new Set(['__proto__', 'constructor', 'prototype']);
const isoInstant = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{3})?Z$/;
const isoDate = /^\d{4}-\d{2}-\d{2}$/;
const hhmm = /^([01]\d|2[0-3]):[0-5]\d$/;

class Checker {
  readonly problems: string[] = [];
  constructor(private readonly doc: Doc) {}

  private at(path: string): unknown {
    return path
      .split('.')
      .reduce<unknown>((v, k) => (v && typeof v === 'object' ? (v as Doc)[k] : undefined), this.doc);
  }

  private fail(path: string, what: string): void {
    this.problems.push(`${path}: ${what}`);
  }

  private kind(v: unknown): string {
    return v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v;
  }

  string(
    path: string,
    opts: { optional?: boolean; max?: number; pattern?: RegExp; nonEmpty?: boolean } = {},
  ): this {
    const v = this.at(path);
    if (v === undefined && opts.optional) return this;
    if (typeof v !== 'string') this.fail(path, `expected a string, found ${this.kind(v)}`);
    else if (opts.nonEmpty && v.length === 0) this.fail(path, 'empty');
    else if (opts.max !== undefined && v.length > opts.max)
      this.fail(path, `${v.length} characters, limit ${opts.max}`);
    else if (opts.pattern && !opts.pattern.test(v)) this.fail(path, `does not match ${opts.pattern}`);
    return this;
  }

  instant(path: string, optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (typeof v !== 'string' || !isoInstant.test(v) || Number.isNaN(Date.parse(v)))
      this.fail(path, `expected an ISO instant, found ${this.kind(v)}`);
    return this;
  }

  oneOf(path: string, allowed: readonly unknown[], optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (!allowed.includes(v))
      this.fail(path, `not one of ${allowed.length} allowed values (${this.kind(v)})`);
    return this;
  }

  boolean(path: string, optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (typeof v !== 'boolean') this.fail(path, `expected a boolean, found ${this.kind(v)}`);
    return this;
  }

  integer(path: string, [min, max]: readonly [number, number], optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (typeof v !== 'number' || !Number.isInteger(v) || v < min || v > max)
      this.fail(path, `expected a whole number ${min}–${max}, found ${this.kind(v)}`);
    return this;
  }

  zone(path: string, optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (typeof v !== 'string' || !IANAZone.isValidZone(v)) this.fail(path, 'not an IANA time zone');
    return this;
  }

  strings(path: string, opts: { max?: number; minItems?: number } = {}): this {
    const v = this.at(path);
    if (!Array.isArray(v)) return (this.fail(path, `expected an array, found ${this.kind(v)}`), this);
    if (opts.minItems !== undefined && v.length < opts.minItems)
      this.fail(path, `fewer than ${opts.minItems} items`);
    v.forEach((item, i) => {
      if (typeof item !== 'string') this.fail(`${path}[${i}]`, `expected a string, found ${this.kind(item)}`);
      else if (opts.max !== undefined && item.length > opts.max)
        this.fail(`${path}[${i}]`, `${item.length} characters, limit ${opts.max}`);
    });
    return this;
  }

  record(path: string, each: (key: string, value: unknown, where: string) => void, optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (!v || typeof v !== 'object' || Array.isArray(v))
      return (this.fail(path, `expected an object, found ${this.kind(v)}`), this);
    for (const [k, item] of Object.entries(v)) each(k, item, `${path}.${k}`);
    return this;
  }

  reach(path: string, optional = false): this {
    const v = this.at(path);
    if (v === undefined && optional) return this;
    if (!v || typeof v !== 'object')
      return (this.fail(path, `expected an object, found ${this.kind(v)}`), this);
    return this.string(`${path}.conversationId`, { nonEmpty: true })
      .string(`${path}.serviceUrl`, { nonEmpty: true })
      .string(`${path}.tenantId`, { optional: true })
      .string(`${path}.botId`, { nonEmpty: true })
      .string(`${path}.userId`, { optional: true });
  }

  ttl(): this {
    return this.integer('ttl', [-1, 10 * 366 * 24 * 3600], true);
  }

  /** a string value for every key of a record */
  stringValues(path: string, max?: number, optional = false): this {
    return this.record(
      path,
      (_k, item, where) => {
        if (typeof item !== 'string') this.fail(where, `expected a string, found ${this.kind(item)}`);
        else if (max !== undefined && item.length > max)
          this.fail(where, `${item.length} characters, limit ${max}`);
      },
      optional,
    );
  }

  check(cond: boolean, path: string, what: string): this {
    if (!cond) this.fail(path, what);
    return this;
  }
}

/** every key in the document, at any depth, that would reach an object's prototype */
function pollutedPaths(value: unknown, path = ''): string[] {
  if (!value || typeof value !== 'object') return [];
  const out: string[] = [];
  if (Object.getPrototypeOf(value) !== Object.prototype && Object.getPrototypeOf(value) !== Array.prototype)
    out.push(`${path || '(root)'}: unusual prototype`);
  for (const key of Object.keys(value)) {
    const where = path ? `${path}.${key}` : key;
    if (pollutingKeys.has(key)) out.push(`${where}: a key that reaches the prototype`);
    out.push(...pollutedPaths((value as Doc)[key], where));
  }
  return out;
}

function checkPerson(c: Checker, doc: Doc): void {
  c.string('displayName')
    .reach('reach', true)
    .record('seen', () => undefined)
    .string('seen.locale', { optional: true, pattern: /^[A-Za-z]{2,3}(-[A-Za-z0-9]{2,8})*$/ })
    .zone('seen.timeZone', true)
    .record('preferences', () => undefined)
    .string('preferences.locale', { optional: true })
    .zone('preferences.timeZone', true)
    .string('department', { optional: true, max: textLimits.department })
    .string('userPrincipalName', { optional: true, pattern: /^[^\s@,;&?#/A-Z]+@[^\s@,;&?#/A-Z]+$/ })
    .boolean('paused')
    .boolean('coordinator')
    .strings('programmeIds')
    .instant('welcomedAt', true)
    .instant('createdAt')
    .instant('updatedAt')
    .check(doc.id === String(doc.id).trim().toLowerCase(), 'id', 'not a normalised (trimmed, lower-case) id');
}

function checkProgramme(c: Checker, doc: Doc): void {
  c.check(doc.id === doc.programmeId, 'id', 'differs from programmeId')
    .string('name', { max: textLimits.programmeName, nonEmpty: true })
    .string('startDate', { pattern: isoDate })
    .string('endDate', { pattern: isoDate })
    .zone('timeZone')
    .string('locale')
    .integer('targetObservations', limits.targetObservations)
    .integer('evaluationDays', limits.evaluationDays, true)
    .integer('policy.beforeDays', limits.beforeDays)
    .string('policy.beforeTime', { pattern: hhmm })
    .integer('policy.afterMinutes', limits.afterMinutes)
    .integer('policy.reminderDays', limits.reminderDays)
    .integer('policy.deadlineDays', limits.deadlineDays)
    .string('policy.quietStart', { pattern: hhmm })
    .string('policy.quietEnd', { pattern: hhmm })
    .string('createdBy')
    .instant('createdAt')
    .instant('updatedAt');
  const days = (doc.policy as Doc | undefined)?.workingDays;
  if (Array.isArray(days))
    c.check(
      days.length > 0 && days.every((d) => Number.isInteger(d) && d >= 1 && d <= 7),
      'policy.workingDays',
      'not a non-empty list of ISO weekdays',
    );
}

function checkPrompt(c: Checker, doc: Doc): void {
  const kinds: PromptKind[] = ['beforeHost', 'beforeObserver', 'afterObserver', 'afterHost', 'followUp'];
  c.string('observationId', { nonEmpty: true })
    .string('programmeId', { nonEmpty: true })
    .oneOf('kind', kinds)
    .string('personId', { nonEmpty: true })
    .oneOf('status', ['scheduled', 'sent', 'answered', 'expired', 'withdrawn', 'unreachable'])
    .integer('revision', [1, Number.MAX_SAFE_INTEGER])
    .instant('sendAt')
    .instant('sentAt', true)
    .string('activityId', { optional: true })
    .instant('remindedAt', true)
    .instant('expiresAt', true)
    .integer('safetyRating', [1, 5], true)
    .instant('answeredAt', true)
    .string('actionPoint', { optional: true, max: textLimits.actionPoint })
    .instant('erasedAt', true)
    .ttl();
  if (!kinds.includes(doc.kind as PromptKind) || doc.answers === undefined) return;
  const questions = new Map(questionsFor(doc.kind as PromptKind).map((q) => [q.id, q]));
  c.record('answers', (key, value, where) => {
    const q = questions.get(key);
    if (!q) return c.check(false, where, 'not a question of this prompt');
    if (typeof value !== 'string') return c.check(false, where, 'expected a string');
    c.check(value.length <= q.maxLength, where, `${value.length} characters, limit ${q.maxLength}`);
    c.check(value.trim() === value && value.length > 0, where, 'not trimmed or empty');
  });
}

function checkJob(c: Checker, doc: Doc): void {
  if (doc.type === 'job-pointer') {
    c.check(doc.slot === '_index', 'slot', 'a pointer outside _index')
      .string('at')
      .string('rev');
    return;
  }
  c.string('slot', { pattern: /^\d{4}-\d{2}-\d{2}T\d{2}$/ })
    .string('rev')
    .string('kind')
    .instant('dueAt')
    .stringValues('payload')
    .integer('attempts', [0, Number.MAX_SAFE_INTEGER])
    .instant('createdAt');
  if (doc.lease !== undefined) c.string('lease.owner').instant('lease.until');
}

function checkCalendar(c: Checker, doc: Doc): void {
  c.string('personId', { nonEmpty: true })
    .check(doc.id === `calendar:${String(doc.personId)}`, 'id', 'not calendar:<personId>')
    .instant('updatedAt');
  const entries = doc.entries;
  if (!Array.isArray(entries)) return void c.check(false, 'entries', 'expected an array');
  entries.forEach((e: unknown, i) => {
    const entry = (e && typeof e === 'object' ? e : {}) as Doc;
    const fields = ['observationId', 'pairId', 'startsAt', 'endsAt', 'at', 'hold'];
    for (const f of fields)
      c.check(
        typeof entry[f] === 'string' && entry[f] !== '',
        `entries[${i}].${f}`,
        'not a non-empty string',
      );
    for (const f of ['startsAt', 'endsAt', 'at'])
      c.check(isoInstant.test(String(entry[f])), `entries[${i}].${f}`, 'not an ISO instant');
  });
}

/** a record of a posted message: ids only (no field could hold what someone wrote) */
function checkPosted(c: Checker, doc: Doc): void {
  c.string('programmeId', { nonEmpty: true })
    .string('viewerId', { nonEmpty: true })
    .string('conversationId', { nonEmpty: true })
    .string('activityId', { nonEmpty: true })
    .instant('postedAt')
    .ttl();
  const shows = doc.shows;
  c.check(Array.isArray(shows) && shows.every((p) => typeof p === 'string'), 'shows', 'not a list of ids');
  const source = (doc.source && typeof doc.source === 'object' ? doc.source : {}) as Doc;
  const fields: Record<string, string> = { summary: 'observationId', prompt: 'promptId', myData: 'part' };
  const field = fields[String(source.kind)];
  c.check(field !== undefined, 'source.kind', 'not summary, prompt or myData');
  c.check(
    Object.keys(source).length === 2 && field !== undefined && field in source,
    'source',
    'unexpected fields',
  );
}

function checkErasure(c: Checker, doc: Doc): void {
  c.string('personId', { nonEmpty: true })
    .check(doc.id === `erasure:${String(doc.personId)}`, 'id', 'not erasure:<personId>')
    .instant('startedAt')
    .integer('answers', [0, Number.MAX_SAFE_INTEGER])
    .integer('actionPoints', [0, Number.MAX_SAFE_INTEGER])
    .integer('updated', [0, Number.MAX_SAFE_INTEGER])
    .integer('gone', [0, Number.MAX_SAFE_INTEGER]);
  const handled = doc.handled;
  c.check(
    Array.isArray(handled) && handled.every((h) => typeof h === 'string' && h.startsWith('posted:')),
    'handled',
    'not a list of posted ids',
  );
  if (doc.card !== undefined) c.string('card.conversationId').string('card.activityId');
}

const shapes: Record<string, (c: Checker, doc: Doc) => void> = {
  person: checkPerson,
  calendar: checkCalendar,
  posted: checkPosted,
  erasure: checkErasure,
  team: (c) => c.string('name').reach('reach').instant('installedAt'),
  programme: checkProgramme,
  enrolment: (c, doc) =>
    c
      .string('personId', { nonEmpty: true })
      .check(doc.id === `enrolment:${String(doc.personId)}`, 'id', 'not enrolment:<personId>')
      .string('displayName')
      .string('pairId', { optional: true })
      .instant('enrolledAt')
      .string('enrolledBy'),
  pair: (c, doc) => {
    c.strings('memberIds', { minItems: 2 })
      .stringValues('memberNames')
      .oneOf('formedBy', ['coordinator', 'invitation'])
      .instant('formedAt');
    const members = doc.memberIds;
    if (Array.isArray(members)) c.check(members.length <= 3, 'memberIds', 'more than three members');
  },
  invitation: (c) =>
    c
      .string('fromId', { nonEmpty: true })
      .string('fromName')
      .string('toId', { nonEmpty: true })
      .string('toName')
      .oneOf('status', ['pending', 'accepted', 'declined', 'failed'])
      .instant('createdAt')
      .instant('answeredAt', true),
  nudge: (c) =>
    c
      .string('createdBy')
      .instant('createdAt')
      .oneOf('segment.kind', segmentKinds)
      .integer('segment.days', [0, 10_000], true)
      .string('message', { max: textLimits.nudgeMessage, nonEmpty: true })
      .oneOf('wording', [...wordings], true)
      .strings('recipients')
      .oneOf('status', ['draft', 'sending', 'done'])
      .integer('counts.sent', [0, Number.MAX_SAFE_INTEGER])
      .integer('counts.unreachable', [0, Number.MAX_SAFE_INTEGER])
      .integer('counts.failed', [0, Number.MAX_SAFE_INTEGER])
      .integer('counts.paused', [0, Number.MAX_SAFE_INTEGER])
      .integer('next', [0, Number.MAX_SAFE_INTEGER], true),
  'released-figures': (c) => c.instant('updatedAt'),
  // figures and, among five or more, comments: never who, never when anyone answered
  'evaluation-release': (c, doc) => {
    const release = doc.release as Doc | undefined;
    c.instant('closedAt')
      .oneOf('closedBy', ['coordinator', 'schedule'])
      .check(
        !/personId|answeredAt|sentAt/.test(JSON.stringify(release ?? {})),
        'release',
        'names a person or a date',
      )
      .ttl();
    if (!release) return;
    c.integer('release.endAnswered', [5, Number.MAX_SAFE_INTEGER]).check(
      Array.isArray(release.statements) && release.statements.length === statementIds.length,
      'release.statements',
      'not one entry per statement',
    );
    if (release.comments !== undefined) c.strings('release.comments', { minItems: 5 });
  },
  evaluation: (c) =>
    c
      .string('personId', { nonEmpty: true })
      .oneOf('phase', ['baseline', 'end'])
      .oneOf('status', ['sent', 'answered', 'declined', 'erased'])
      .instant('sentAt')
      .instant('deliveredAt', true)
      .instant('remindedAt', true)
      .instant('answeredAt', true)
      .record(
        'overall',
        (key, value, where) => {
          const range = overallQuestions[key as OverallId] as readonly [number, number] | undefined;
          c.check(
            range !== undefined &&
              Number.isInteger(value) &&
              (value as number) >= range[0] &&
              (value as number) <= range[1],
            where,
            'not an overall question on its scale',
          );
        },
        true,
      )
      .string('comment', { optional: true, max: commentMaxLength, nonEmpty: true })
      .record(
        'ratings',
        (key, value, where) =>
          c.check(
            (statementIds as readonly string[]).includes(key) && [1, 2, 3, 4, 5].includes(value as number),
            where,
            'not a statement rated 1–5',
          ),
        true,
      )
      .ttl(),
  'nudge-delivery': (c) =>
    c
      .string('nudgeId', { nonEmpty: true })
      .string('personId', { nonEmpty: true })
      .oneOf('status', ['sending', 'sent', 'unreachable', 'failed', 'paused'])
      .instant('at'),
  audit: (c) =>
    c
      .instant('at')
      .string('by')
      .string('byName')
      .oneOf('action', [
        'programme.create',
        'programme.edit',
        'enrol',
        'pair',
        'nudge',
        'export',
        'coordinator.add',
        'evaluation.close',
      ])
      .record('counts', (_k, v, where) =>
        c.check(typeof v === 'number' && Number.isFinite(v), where, 'not a number'),
      ),
  observation: (c, doc) => {
    c.string('programmeId', { nonEmpty: true })
      .strings('memberIds', { minItems: 2 })
      .string('hostId', { nonEmpty: true })
      .strings('observerIds', { minItems: 1 })
      .instant('startsAt')
      .instant('endsAt')
      .integer('durationMinutes', [10, 480])
      .oneOf('setting', settings)
      .oneOf('learnerLevel', learnerLevels)
      .oneOf('status', ['scheduled', 'cancelled', 'didNotHappen'])
      .integer('revision', [1, Number.MAX_SAFE_INTEGER])
      .string('scheduledBy')
      .string('returnOf', { optional: true })
      .instant('createdAt')
      .instant('updatedAt')
      .ttl();
    const members = Array.isArray(doc.memberIds) ? doc.memberIds : [];
    c.check(members.includes(doc.hostId), 'hostId', 'not a member');
    c.check(
      Date.parse(String(doc.endsAt)) > Date.parse(String(doc.startsAt)),
      'endsAt',
      'not after startsAt',
    );
  },
  prompt: checkPrompt,
  summary: (c) =>
    c
      .string('observationId', { nonEmpty: true })
      .boolean('complete')
      .instant('sentAt')
      .record('actionPoints', (_k, list, where) => {
        if (!Array.isArray(list)) return c.check(false, where, 'expected an array');
        list.forEach((p, i) =>
          c.check(
            typeof p === 'string' && p.length > 0 && p.length <= textLimits.actionPoint,
            `${where}[${i}]`,
            'not an action point of 1–500 characters',
          ),
        );
      })
      .ttl(),
  job: checkJob,
  'job-pointer': checkJob,
};

/**
 * Everything wrong with one stored document of `container`: the id Cosmos DB accepts, a known type
 * for that container, the partition key as a non-empty string, no key that reaches a prototype, and
 * the fields of its type. Empty when the document is well-formed.
 */
export function documentProblems(container: ContainerName, raw: Doc): string[] {
  const doc: Doc = Object.fromEntries(Object.entries(raw).filter(([k]) => !systemFields.has(k)));
  const c = new Checker(doc);
  c.string('id', { nonEmpty: true, max: textLimits.id, pattern: /^[^/\\?#]*$/ });
  c.oneOf('type', typesOf[container]);
  const key = containerSpecs[container].partitionKey.slice(1);
  c.string(key, { nonEmpty: true });
  const shape = shapes[String(doc.type)];
  if (shape && typesOf[container].includes(String(doc.type))) shape(c, doc);
  const problems = [...c.problems, ...pollutedPaths(doc)];
  return [...new Set(problems)];
}
