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
 * Generous for a person clicking and typing (a coordinator enrolling a ward is a click every few
 * seconds), far below what a script or a stuck client sends.
 */
export const defaultPersonWindows: readonly RateWindow[] = Object.freeze([
  { count: 12, perMs: 10_000 },
  { count: 90, perMs: 60_000 },
]);

const sweepEveryMs = 10_000;

interface PersonState {
  readonly windows: Window[];
  /** refused since the last admitted request: the next refusal is silent */
  told: boolean;
}

/**
 * A per-person limit on inbound turns, checked before any store work. Refused requests are not
 * counted, so someone who waits a few seconds is let in again. People are forgotten once nothing
 * they sent is inside a window, so memory follows the people active in the last minute.
 */
export class PersonLimit {
  private readonly windows: readonly RateWindow[];
  private readonly people = new Map<string, PersonState>();
  private lastSweep = -Infinity;

  constructor(
    private readonly clock: Clock,
    windows: readonly RateWindow[] = defaultPersonWindows,
  ) {
    this.windows = Object.freeze(windows.map((w, i) => check(w, `windows[${i}]`)));
  }

  admit(personKey: string): Admission {
    const now = this.clock.now().getTime();
    if (now - this.lastSweep >= sweepEveryMs) this.sweep(now);
    let state = this.people.get(personKey);
    if (!state) {
      state = { windows: this.windows.map(windowFor), told: false };
      this.people.set(personKey, state);
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

  /** how many people are remembered (for tests and benchmarks) */
  size(): number {
    this.sweep(this.clock.now().getTime());
    return this.people.size;
  }

  private sweep(now: number): void {
    this.lastSweep = now;
    for (const [key, state] of this.people) {
      if (state.windows.every((w) => w.empty(now))) this.people.delete(key);
    }
  }
}
