import * as http from 'node:http';

/** one request the load generator sends: a JSON body for /api/messages */
export interface Submission {
  readonly body: string;
  /** the prompt it answers, for a caller that picks answers by what they complete */
  readonly promptId?: string;
}

/** what came back, for the caller to judge */
export interface Reply {
  readonly status: number;
  readonly body: string;
}

export interface LoadResult {
  /** ms per request, in the order they completed */
  readonly latencies: number[];
  /** requests answered otherwise than `accept` wanted, or not answered */
  readonly errors: number;
  /** the first few reasons, for a note */
  readonly problems: string[];
  /** from the first request sent to the last answer */
  readonly elapsedMs: number;
  /** requests per second over elapsedMs */
  readonly perSecond: number;
}

/**
 * Sends every submission to `url` with `concurrency` requests in flight (closed loop: each worker
 * sends its next request as soon as the previous one is answered), on kept-alive connections as
 * the Bot Connector's would be.
 */
export async function runLoad(options: {
  readonly url: string;
  readonly submissions: readonly Submission[];
  readonly concurrency: number;
  /** undefined when the reply is right; otherwise why not */
  readonly accept: (reply: Reply) => string | undefined;
  /**
   * told the index of each submission just before it is sent, and awaited once it is answered (not
   * timed): at concurrency 1, what the store is asked meanwhile is that submission's alone
   */
  readonly around?: {
    readonly before: (index: number) => void;
    readonly after: (index: number) => Promise<void>;
  };
}): Promise<LoadResult> {
  const { url, submissions, concurrency, accept, around } = options;
  const agent = new http.Agent({ keepAlive: true, maxSockets: concurrency });
  const target = new URL('/api/messages', url);
  const latencies: number[] = [];
  const problems: string[] = [];
  let errors = 0;
  let next = 0;
  const send = (body: string) =>
    new Promise<Reply>((resolve, reject) => {
      const req = http.request(
        target,
        {
          method: 'POST',
          agent,
          headers: { 'content-type': 'application/json', 'content-length': Buffer.byteLength(body) },
        },
        (res) => {
          const chunks: Buffer[] = [];
          res.on('data', (c: Buffer) => chunks.push(c));
          res.on('end', () =>
            resolve({ status: res.statusCode ?? 0, body: Buffer.concat(chunks).toString() }),
          );
          res.on('error', reject);
        },
      );
      req.on('error', reject);
      req.end(body);
    });
  const worker = async () => {
    while (next < submissions.length) {
      const index = next++;
      const s = submissions[index]!;
      around?.before(index);
      const t0 = process.hrtime.bigint();
      let problem: string | undefined;
      try {
        problem = accept(await send(s.body));
      } catch (err) {
        problem = (err as Error).message;
      }
      latencies.push(Number(process.hrtime.bigint() - t0) / 1e6);
      if (problem) {
        errors++;
        if (problems.length < 5) problems.push(problem);
      }
      await around?.after(index);
    }
  };
  const started = process.hrtime.bigint();
  await Promise.all(Array.from({ length: Math.min(concurrency, submissions.length) }, worker));
  const elapsedMs = Number(process.hrtime.bigint() - started) / 1e6;
  agent.destroy();
  return {
    latencies,
    errors,
    problems,
    elapsedMs,
    perSecond: elapsedMs > 0 ? (submissions.length * 1000) / elapsedMs : 0,
  };
}
