/** where the current time comes from; injected everywhere so schedules are testable to the second */
export interface Clock {
  now(): Date;
}

/** the real clock; the only place in src/ that reads the wall clock */
// eslint-disable-next-line no-restricted-syntax
export const systemClock: Clock = { now: () => new Date() };
