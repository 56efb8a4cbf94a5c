import { createHmac, timingSafeEqual } from 'node:crypto';
import { Observation } from '../domain/cycle/observation';
import { Words } from '../i18n';

/** how long a link opens after the observation (or its talk, if later) ends */
export const linkLifetimeDays = 30;

/** what a calendar link names: whose file, of which observation, until when */
export interface CalendarLinkClaims {
  readonly tenantId: string;
  readonly pairId: string;
  readonly observationId: string;
  /** the person as a keyed tag (`personTag`): whoever reads the link learns nothing about them */
  readonly personTag: string;
  /** seconds since the epoch */
  readonly expiresAt: number;
}

/** a token: base64url of the payload, a dot, base64url of its HMAC-SHA256 */
const tokenShape = /^[A-Za-z0-9_-]{1,1024}\.[A-Za-z0-9_-]{43}$/;
const idLimit = 200;

/**
 * Signs and checks calendar-link tokens. One secret serves two keys derived from it, so that a
 * person's tag can never pass for a signature or the other way round.
 */
export class CalendarLinkSigner {
  private readonly signingKey: Buffer;
  private readonly tagKey: Buffer;

  constructor(secret: string) {
    const derive = (use: string) =>
      createHmac('sha256', secret).update(`peer-coach calendar ${use}`).digest();
    this.signingKey = derive('link signature');
    this.tagKey = derive('person tag');
  }

  /** a person in a tenant, unreadable without the secret: the same each time, different per tenant */
  personTag(tenantId: string, personId: string): string {
    return createHmac('sha256', this.tagKey)
      .update(`${tenantId}\n${personId}`)
      .digest('base64url')
      .slice(0, 22);
  }

  sign(claims: CalendarLinkClaims): string {
    const { tenantId, pairId, observationId, personTag, expiresAt } = claims;
    const payload = Buffer.from(
      JSON.stringify([1, tenantId, pairId, observationId, personTag, expiresAt]),
    ).toString('base64url');
    return `${payload}.${this.mac(payload).toString('base64url')}`;
  }

  /** the claims of a token this secret signed and that has not expired by `now`; otherwise undefined */
  verify(token: string, now: Date): CalendarLinkClaims | undefined {
    if (!tokenShape.test(token)) return undefined;
    const [payload = '', signature = ''] = token.split('.');
    const given = Buffer.from(signature, 'base64url');
    const expected = this.mac(payload);
    // base64url decoding ignores stray trailing bits: compare the text too, so one token has one spelling
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return undefined;
    if (expected.toString('base64url') !== signature) return undefined;
    const claims = parseClaims(Buffer.from(payload, 'base64url').toString('utf8'));
    return claims && claims.expiresAt * 1000 > now.getTime() ? claims : undefined;
  }

  private mac(payload: string): Buffer {
    return createHmac('sha256', this.signingKey).update(payload).digest();
  }
}

function parseClaims(json: string): CalendarLinkClaims | undefined {
  let value: unknown;
  try {
    value = JSON.parse(json);
  } catch {
    return undefined;
  }
  if (!Array.isArray(value) || value.length !== 6 || value[0] !== 1) return undefined;
  const [, tenantId, pairId, observationId, personTag, expiresAt] = value as unknown[];
  const id = (v: unknown): v is string => typeof v === 'string' && v.length > 0 && v.length <= idLimit;
  if (!id(tenantId) || !id(pairId) || !id(observationId) || !id(personTag)) return undefined;
  if (typeof expiresAt !== 'number' || !Number.isSafeInteger(expiresAt)) return undefined;
  return { tenantId, pairId, observationId, personTag, expiresAt };
}

/** the moment a link to this observation stops opening */
export function linkExpiry(o: Pick<Observation, 'endsAt' | 'talk'>): number {
  const end = Math.max(Date.parse(o.endsAt), o.talk ? Date.parse(o.talk.endsAt) : 0);
  return Math.floor(end / 1000) + linkLifetimeDays * 86_400;
}

/** one tenant's "Add to calendar" links: the bot's public address and a token only its owner's file opens */
export class CalendarLinks {
  constructor(
    readonly signer: CalendarLinkSigner,
    private readonly baseUrl: string,
    private readonly tenantId: string,
  ) {}

  /** `personId`'s own link to the observation's calendar file */
  urlFor(o: Pick<Observation, 'id' | 'pairId' | 'endsAt' | 'talk'>, personId: string): string {
    const token = this.signer.sign({
      tenantId: this.tenantId,
      pairId: o.pairId,
      observationId: o.id,
      personTag: this.signer.personTag(this.tenantId, personId),
      expiresAt: linkExpiry(o),
    });
    return `${this.baseUrl.replace(/\/+$/, '')}/calendar/${token}.ics`;
  }
}

/** a person's "Add to calendar" button for an observation, in their words; none where no links are made */
export function calendarButtons(
  links: CalendarLinks | undefined,
  o: Pick<Observation, 'id' | 'pairId' | 'endsAt' | 'talk'>,
  personId: string,
  words: Words,
): { readonly title: string; readonly url: string }[] {
  return links ? [{ title: words.t('calendar.add'), url: links.urlFor(o, personId) }] : [];
}
