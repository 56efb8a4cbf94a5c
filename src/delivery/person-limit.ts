import { Clock } from '../domain/clock';
import { check, RateWindow, Window, windowFor } from './rate-limiter';

/** what the limit says about one more request from a person */
export type Admission =
  | 'admitted'
  /** over the limit, for the first time in this spell: say so once */
  | 'refused-first'
  /** still over the limit: refused without a word, so a flood gets no flood back */
  | 'refused';

/**
 * Generous for a person clicking and typing: someone clicking through cards about once a second,
 * unevenly as people do (a few quick clicks, a pause to read), stays well inside both, for minutes
 * on end. Still far below what a script or a stuck client sends: a flood gets 20 turns in its first
 * ten seconds and then never more than 2 a second (120 a minute), each a few point reads and writes.
 */
export const defaultPersonWindows: readonly RateWindow[] = Object.freeze([
  { count: 20, perMs: 10_000 },
  { count: 120, perMs: 60_000 },
]);

/**
 * Teams runs a card's `refresh` by itself whenever the card is shown, for every such card on
 * screen: opening a chat full of prompt and summary cards, scrolling back through a term of them or
 * switching between chats can ask for dozens in a few seconds without anyone clicking. So these
 * count apart from clicks, on a budget far above a screenful or two (60 in 10 s) that still cuts a
 * stuck or scripted client to an average of 5 a second (300 a minute), each a few point reads.
 */
export const defaultRefreshWindows: readonly RateWindow[] = Object.freeze([
  { count: 60, perMs: 10_000 },
  { count: 300, perMs: 60_000 },
]);

/** what a request spends: a person's own turn (a message, a click), or a card refreshing itself */
export type Budget = 'turn' | 'refresh';

const sweepEveryMs = 10_000;

interface PersonState {
  readonly windows: Window[];
  /** refused since the last admitted request: the next refusal is silent */
  told: boolean;
}

/**
 * A per-person limit on inbound turns, checked before any store work. Each person has two budgets:
 * their own turns, and their cards' automatic refreshes, so a chat full of refreshing cards never
 * stops a click and a flood of clicks never freezes the cards. Refused requests are not counted,
 * so someone who waits a few seconds is let in again. People are forgotten once nothing they sent
 * is inside a window, so memory follows the people active in the last minute.
 */
export class PersonLimit {
  private readonly windows: Readonly<Record<Budget, readonly RateWindow[]>>;
  private readonly people: Record<Budget, Map<string, PersonState>> = { turn: new Map(), refresh: new Map() };
  private lastSweep = -Infinity;

  constructor(
    private readonly clock: Clock,
    windows: readonly RateWindow[] = defaultPersonWindows,
    refreshWindows: readonly RateWindow[] = defaultRefreshWindows,
  ) {
    this.windows = Object.freeze({
      turn: Object.freeze(windows.map((w, i) => check(w, `windows[${i}]`))),
      refresh: Object.freeze(refreshWindows.map((w, i) => check(w, `refreshWindows[${i}]`))),
    });
  }

  admit(personKey: string, budget: Budget = 'turn'): Admission {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep >= sweepEveryMs) this.sweep(now);
    const people = this.people[budget];
    let state = people.get(personKey);
    if (!state) {
      state = { windows: this.windows[budget].map(windowFor), told: false };
      people.set(personKey, state);
    }
    if (state.windows.every((w) => w.earliest(now) <= now)) {
      for (const w of state.windows) w.record(now);
      state.told = false;
      return 'admitted';
    }
    if (state.told) return 'refused';
    state.told = true;
    return 'refused-first';
  }

  /**
   * How long until this person's next request on `budget` would be admitted: 0 now, otherwise until
   * every window has room again. A refused person is told this, so silence that follows has an end.
   */
  retryInMs(personKey: string, budget: Budget = 'turn'): number {
    const now = this.clock.now().getTime();
    const state = this.people[budget].get(personKey);
    if (!state) return 0;
    return Math.max(0, ...state.windows.map((w) => w.earliest(now) - now));
  }

  /** how many people are remembered, per budget added up (for tests and benchmarks) */
  size(): number {
    this.sweep(this.clock.now().getTime());
    return this.people.turn.size + this.people.refresh.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const people of Object.values(this.people)) {
      for (const [key, state] of people) {
        if (state.windows.every((w) => w.empty(now))) people.delete(key);
      }
    }
  }
}
