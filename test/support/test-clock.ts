import { Clock } from '../../src/domain/clock';

/** a clock that only moves when a test says so */
export class TestClock implements Clock {
  private current: number;
  constructor(start = '2026-09-01T08:00:00Z') {
    this.current = Date.parse(start);
  }
  now(): Date {
    return new Date(this.current);
  }
  set(iso: string): void {
    this.current = Date.parse(iso);
  }
  advance(ms: number): void {
    this.current += ms;
  }
}
