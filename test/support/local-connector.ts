import * as http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedActivity {
  readonly conversationId: string;
  readonly id: string;
  readonly replyToId?: string;
  readonly activity: Record<string, unknown>;
}

/** one PUT to an upload URL, as the file store received it */
export interface CapturedUpload {
  readonly name: string;
  readonly contentRange?: string;
  readonly contentLength?: string;
  readonly body: Buffer;
  /** what the store answered */
  readonly status: number;
}

export interface RosterEntry {
  readonly id: string;
  readonly name: string;
  readonly aadObjectId: string;
  /** the sign-in name Teams gives with a roster entry */
  readonly userPrincipalName?: string;
}

/**
 * A real HTTP server shaped like the Bot Connector: the bot posts replies and proactive messages to
 * it (at the activity's serviceUrl), updates cards in place, and reads team rosters from it. It also
 * stands in for the OneDrive upload URL of Teams' file-consent flow (`PUT /upload/{name}`).
 */
export class LocalConnector {
  readonly sent: CapturedActivity[] = [];
  readonly updated: CapturedActivity[] = [];
  /** conversation id → roster returned by /pagedmembers */
  readonly rosters = new Map<string, RosterEntry[]>();
  /** conversation id → an error Teams would answer with (e.g. 403 ConversationBlockedByUser) */
  readonly failures = new Map<string, { status: number; code: string }>();
  /** conversation id → how many more sends to answer with 429 and this Retry-After (seconds) */
  readonly throttles = new Map<string, { times: number; retryAfter: number }>();
  /** every 429 answered, by conversation */
  readonly throttled: string[] = [];
  /** every PUT to an upload URL, in order, accepted or not */
  readonly uploads: CapturedUpload[] = [];
  /** file name → the status its upload URL answers with instead of 201 (e.g. 500) */
  readonly uploadFailures = new Map<string, number>();
  /** conversation id → how many more sends to leave unanswered, like a connection that hangs */
  readonly hangs = new Map<string, number>();
  /** conversation id → how many more sends to answer with this 5xx status */
  readonly serverErrors = new Map<string, { times: number; status: number }>();
  /** every POST of an activity that reached this server, by conversation, answered or not */
  readonly attempts: string[] = [];
  /** how long to take over each send, to hold a turn in flight */
  delayMs = 0;
  /**
   * asked about every POST of an activity (after `failures`, before `throttles`): a Retry-After in
   * seconds answers it 429, as Teams does when a rate limit is exceeded (bench/support/dispatch-limits.ts)
   */
  gate?: (conversationId: string, activity: Record<string, unknown>) => number | undefined;
  private server?: http.Server;
  private nextId = 1;
  private waiters: (() => void)[] = [];
  url = '';

  async start(): Promise<string> {
    this.server = http.createServer((req, res) => this.handle(req, res));
    await new Promise<void>((resolve) => this.server!.listen(0, '127.0.0.1', () => resolve()));
    this.url = `http://127.0.0.1:${(this.server.address() as AddressInfo).port}`;
    return this.url;
  }

  async stop(): Promise<void> {
    await new Promise<void>((resolve) => {
      this.server?.close(() => resolve());
      this.server?.closeAllConnections();
    });
  }

  /** messages sent to one conversation, in order */
  to(conversationId: string): Record<string, unknown>[] {
    return this.sent.filter((a) => a.conversationId === conversationId).map((a) => a.activity);
  }

  /** waits until `predicate` holds (proactive sends may land after the HTTP response) */
  async waitFor(predicate: () => boolean, timeoutMs = 5000): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (!predicate()) {
      if (Date.now() > deadline) throw new Error('timed out waiting for the connector');
      await new Promise<void>((resolve) => {
        this.waiters.push(resolve);
        setTimeout(resolve, 50);
      });
    }
  }

  /** what Teams puts in a fileConsent/invoke when the user accepts a file: it points at this server */
  uploadInfo(name: string): {
    name: string;
    uploadUrl: string;
    contentUrl: string;
    uniqueId: string;
    fileType: string;
  } {
    const path = encodeURIComponent(name);
    return {
      name,
      uploadUrl: `${this.url}/upload/${path}`,
      contentUrl: `${this.url}/files/${path}`,
      uniqueId: `item-${path}`,
      fileType: name.includes('.') ? name.slice(name.lastIndexOf('.') + 1) : '',
    };
  }

  private handle(req: http.IncomingMessage, res: http.ServerResponse): void {
    if (req.method === 'PUT' && req.url?.startsWith('/upload/')) return this.upload(req, res);
    let body = '';
    req.on('data', (c: Buffer) => (body += c.toString()));
    req.on('end', () => {
      const url = new URL(req.url ?? '/', 'http://x');
      const parts = url.pathname.split('/').filter(Boolean).map(decodeURIComponent);
      // /v3/conversations/{conversationId}/activities[/{activityId}] | /pagedmembers | /members
      const [v3, conversations, conversationId = '', resource, activityId] = parts;
      const reply = (status: number, payload: unknown) => {
        res.writeHead(status, { 'content-type': 'application/json' });
        res.end(JSON.stringify(payload));
      };
      if (v3 !== 'v3' || conversations !== 'conversations')
        return reply(404, { error: { code: 'NotFound' } });
      if (resource === 'activities' && req.method === 'POST') this.attempts.push(conversationId);
      const hang = this.hangs.get(conversationId) ?? 0;
      if (hang > 0 && req.method === 'POST') {
        this.hangs.set(conversationId, hang - 1);
        return; // never answered; the socket is closed when the bot gives up or the server stops
      }
      const serverError = this.serverErrors.get(conversationId);
      if (serverError && serverError.times > 0 && req.method === 'POST') {
        serverError.times--;
        return reply(serverError.status, { error: { code: 'ServiceError', message: 'injected' } });
      }
      const failure = this.failures.get(conversationId);
      if (failure) return reply(failure.status, { error: { code: failure.code, message: failure.code } });
      const posted = resource === 'activities' && req.method === 'POST';
      let retryAfter =
        this.gate && posted
          ? this.gate(conversationId, JSON.parse(body || '{}') as Record<string, unknown>)
          : undefined;
      const throttle = this.throttles.get(conversationId);
      if (retryAfter === undefined && throttle && throttle.times > 0 && req.method === 'POST') {
        throttle.times--;
        retryAfter = throttle.retryAfter;
      }
      if (retryAfter !== undefined) {
        this.throttled.push(conversationId);
        res.writeHead(429, { 'content-type': 'application/json', 'retry-after': String(retryAfter) });
        return res.end(JSON.stringify({ error: { code: 'Throttled', message: 'Too many requests' } }));
      }
      if (resource === 'activities' && req.method === 'POST') {
        const id = `act-${this.nextId++}`;
        setTimeout(() => {
          this.sent.push({ conversationId, id, replyToId: activityId, activity: JSON.parse(body || '{}') });
          this.wake();
          reply(200, { id });
        }, this.delayMs);
        return;
      }
      if (resource === 'activities' && req.method === 'PUT' && activityId) {
        this.updated.push({ conversationId, id: activityId, activity: JSON.parse(body || '{}') });
        this.wake();
        return reply(200, { id: activityId });
      }
      if ((resource === 'pagedmembers' || resource === 'members') && req.method === 'GET') {
        const members = this.rosters.get(conversationId) ?? [];
        // one member by id, as TeamsInfo.getMember asks
        if (resource === 'members' && activityId) {
          const member = members.find((m) => m.id === activityId || m.aadObjectId === activityId);
          return member
            ? reply(200, member)
            : reply(404, { error: { code: 'MemberNotFoundInConversation' } });
        }
        return reply(200, resource === 'members' ? members : { members });
      }
      reply(404, { error: { code: 'NotFound' } });
    });
  }

  /**
   * Like an upload session's URL: the whole file in one PUT, its Content-Range and Content-Length
   * agreeing with the bytes sent, answered 201 with the new drive item.
   */
  private upload(req: http.IncomingMessage, res: http.ServerResponse): void {
    const chunks: Buffer[] = [];
    req.on('data', (c: Buffer) => chunks.push(c));
    req.on('end', () => {
      const body = Buffer.concat(chunks);
      const name = decodeURIComponent(new URL(req.url ?? '/', 'http://x').pathname.slice('/upload/'.length));
      const contentRange = req.headers['content-range'];
      const contentLength = req.headers['content-length'];
      const n = body.length;
      const whole = contentRange === `bytes 0-${n - 1}/${n}` && contentLength === String(n);
      const status = this.uploadFailures.get(name) ?? (whole ? 201 : 416);
      this.uploads.push({ name, contentRange, contentLength, body, status });
      this.wake();
      res.writeHead(status, { 'content-type': 'application/json' });
      res.end(
        JSON.stringify(
          status === 201
            ? { id: `item-${encodeURIComponent(name)}`, name, size: n, file: {} }
            : { error: { code: status === 416 ? 'invalidRange' : 'generalException', message: '' } },
        ),
      );
    });
  }

  private wake(): void {
    const waiters = this.waiters;
    this.waiters = [];
    waiters.forEach((w) => w());
  }
}
