/**
 * Samples a process's resident set from /proc/<pid>/status (Linux): VmRSS now, and VmHWM, the
 * kernel's own high-water mark, which also catches a peak between two samples.
 */
import { readFileSync } from 'node:fs';

export interface RssSample {
  readonly at: number;
  /** what the harness was doing then (e.g. "dispatch", "idle") */
  readonly phase: string;
  readonly rssMb: number;
}

function statusField(pid: number, field: 'VmRSS' | 'VmHWM'): number | undefined {
  try {
    const line = readFileSync(`/proc/${pid}/status`, 'utf8')
      .split('\n')
      .find((l) => l.startsWith(`${field}:`));
    const kb = line ? Number(line.split(/\s+/)[1]) : Number.NaN;
    return Number.isFinite(kb) ? kb / 1024 : undefined;
  } catch {
    return undefined;
  }
}

export class RssSampler {
  readonly samples: RssSample[] = [];
  phase = 'start';
  private timer?: NodeJS.Timeout;

  constructor(
    private readonly pid: number,
    private readonly everyMs = 100,
  ) {}

  start(): void {
    this.sample();
    this.timer = setInterval(() => this.sample(), this.everyMs);
  }

  sample(): void {
    const rssMb = statusField(this.pid, 'VmRSS');
    if (rssMb !== undefined) this.samples.push({ at: Date.now(), phase: this.phase, rssMb });
  }

  /** the kernel's high-water mark of the process's resident set, in MB */
  highWaterMb(): number | undefined {
    return statusField(this.pid, 'VmHWM');
  }

  /** CPU time (user + system) the process has used so far, in seconds (Linux: /proc/<pid>/stat) */
  cpuSeconds(): number {
    try {
      // the fields after the command name, which is in parentheses and may hold spaces
      const fields = readFileSync(`/proc/${this.pid}/stat`, 'utf8').split(') ')[1]!.split(' ');
      return (Number(fields[11]) + Number(fields[12])) / 100;
    } catch {
      return Number.NaN;
    }
  }

  /** the largest sample taken in a phase (0 if none) */
  peak(phase: string): number {
    return Math.max(0, ...this.samples.filter((s) => s.phase === phase).map((s) => s.rssMb));
  }

  stop(): void {
    if (this.timer) clearInterval(this.timer);
  }
}
