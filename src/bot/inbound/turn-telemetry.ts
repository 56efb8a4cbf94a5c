import { performance } from 'node:perf_hooks';
import { SpanStatusCode } from '@opentelemetry/api';
import { TurnContext } from 'botbuilder';
import { Logger } from '../../log';
import { Telemetry, TurnOutcome } from '../../telemetry/telemetry';
import { allVerbs } from '../verbs';

/**
 * What kind of turn an activity is, from a closed set whatever the activity says: its type, and for
 * an invoke the two names the bot handles.
 */
export type TurnKind =
  | 'message'
  | 'adaptiveCard/action'
  | 'fileConsent/invoke'
  | 'invoke'
  | 'installationUpdate'
  | 'conversationUpdate'
  | 'messageReaction'
  | 'other';

/** why a turn was refused: the codes of the log line and the span */
export type RefusalCode =
  /** the body has a shape botbuilder would trip over (answered 400) */
  | 'badRequest'
  /** not from Microsoft Teams */
  | 'channel'
  /** from Teams, but naming no tenant (or two) */
  | 'noTenant'
  /** from a tenant the operator did not allow */
  | 'tenant'
  /** no sender: nobody to count or answer */
  | 'noSender'
  /** over the per-person limit */
  | 'rate'
  /** a card action nobody may run here: no known sender, or an automatic trigger of a verb that writes */
  | 'forbidden'
  /** a card's verb the bot does not know (an old or tampered card) */
  | 'unknownVerb'
  /** meant for the 1:1 chat, clicked in a chat others read */
  | 'personalOnly';

const invokeKinds: readonly TurnKind[] = ['adaptiveCard/action', 'fileConsent/invoke'];
const typeKinds: readonly TurnKind[] = [
  'message',
  'installationUpdate',
  'conversationUpdate',
  'messageReaction',
];

export function turnKind(activity: { readonly type?: unknown; readonly name?: unknown }): TurnKind {
  if (activity.type === 'invoke')
    return invokeKinds.find((kind) => kind === activity.name) ?? ('invoke' as const);
  return typeKinds.find((kind) => kind === activity.type) ?? 'other';
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The card verb a turn carries, as the bot reads it (Action.Execute's verb, else its data's; an
 * Action.Submit's value): a verb the bot knows, 'other' for any other, undefined when there is none.
 */
export function turnVerb(activity: {
  readonly type?: unknown;
  readonly value?: unknown;
}): string | undefined {
  const value = isObject(activity.value) ? activity.value : {};
  const action = isObject(value.action) ? value.action : {};
  const data = isObject(action.data) ? action.data : {};
  const verb = activity.type === 'invoke' ? action.verb || data.verb : value.verb;
  if (verb === undefined || verb === '') return undefined;
  return typeof verb === 'string' && allVerbs.includes(verb) ? verb : 'other';
}

/** an error's class name (its own words may hold what someone typed); 'Error' for anything else */
export function errorCode(err: unknown): string {
  const name = (err as { name?: unknown } | undefined)?.name;
  return typeof name === 'string' && /^[A-Za-z][A-Za-z0-9]{0,59}$/.test(name) ? name : 'Error';
}

/** how a turn ended, told by whichever part decided it: ok unless refused or failed on the way */
export class TurnRecord {
  outcome: TurnOutcome = 'ok';
  code?: string;

  /** the first refusal counts; a turn that failed stays failed */
  refuse(code: RefusalCode): void {
    if (this.outcome !== 'ok') return;
    this.outcome = 'refused';
    this.code = code;
  }

  fail(err: unknown): void {
    if (this.outcome === 'failed') return;
    this.outcome = 'failed';
    this.code = errorCode(err);
  }
}

const recordKey = Symbol('peer-coach.turn-record');

/** the turn's record, for the bot to tell a refusal or failure (none outside a measured turn) */
export function turnRecordOf(context: TurnContext): TurnRecord | undefined {
  return context.turnState.get(recordKey) as TurnRecord | undefined;
}

/** hands the record to the turn the logic runs in */
export function withTurnRecord(context: TurnContext, record: TurnRecord): void {
  context.turnState.set(recordKey, record);
}

/**
 * Runs one inbound turn in a `turn` span, then counts it (`peercoach.turns`, its duration) and logs
 * it: a line at info for a refused or failed turn, one at debug for every turn. Only closed values
 * go anywhere: the kind, a known verb, the outcome, a code.
 */
export async function measuredTurn<T>(
  telemetry: Telemetry,
  log: Logger,
  activity: { readonly type?: unknown; readonly name?: unknown; readonly value?: unknown },
  work: (record: TurnRecord) => Promise<T>,
): Promise<T> {
  const kind = turnKind(activity);
  const verb = turnVerb(activity);
  const record = new TurnRecord();
  // a duration, not a time of day: the monotonic clock, not the injected one
  const started = performance.now();
  return telemetry.span('turn', { kind, ...(verb ? { verb } : {}) }, async (span) => {
    try {
      return await work(record);
    } catch (err) {
      record.fail(err);
      throw err;
    } finally {
      const ms = performance.now() - started;
      const { outcome, code } = record;
      span.setAttributes({ outcome, ...(code ? { code } : {}) });
      if (outcome === 'failed') span.setStatus({ code: SpanStatusCode.ERROR, message: code });
      telemetry.turn(kind, outcome, ms);
      if (outcome !== 'ok') log.info({ kind, outcome, code }, `turn ${outcome}`);
      log.debug({ kind, outcome, ms: Math.round(ms) }, 'turn');
    }
  });
}
