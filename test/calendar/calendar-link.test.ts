import assert from 'node:assert/strict';
import { CalendarLinkSigner, CalendarLinks, linkLifetimeDays } from '../../src/calendar/calendar-link';
import { Observation } from '../../src/domain/cycle/observation';
import { entraId } from '../support/domain-fixtures';

const secret = 'k'.repeat(12) + 'a-secret-of-more-than-32-bytes-for-tests';
const tenantId = '00000000-0000-4000-8000-0000000000aa';
const personId = entraId(0xb1);
const observation = {
  id: 'observation:5f0c6f5e-8a55-4d7e-9a0e-1a1a1a1a1a1a',
  pairId: 'pair:0e0e0e0e-1111-4222-8333-444444444444',
  endsAt: '2026-09-03T09:00:00.000Z',
} as Observation;
const ended = Date.parse(observation.endsAt);
const day = 86_400_000;

function tokenOf(url: string): string {
  return /\/calendar\/([^/]+)\.ics$/.exec(url)![1]!;
}

describe('calendar links', () => {
  const signer = new CalendarLinkSigner(secret);
  const links = new CalendarLinks(signer, 'https://bot.example.org', tenantId);
  const token = tokenOf(links.urlFor(observation, personId));

  it('opens for its owner until 30 days after the observation ends, then no more', () => {
    assert.equal(linkLifetimeDays, 30);
    const claims = signer.verify(token, new Date(ended + 30 * day - 1000));
    assert.deepEqual(claims, {
      tenantId,
      pairId: observation.pairId,
      observationId: observation.id,
      personTag: signer.personTag(tenantId, personId),
      expiresAt: Math.floor((ended + 30 * day) / 1000),
    });
    assert.equal(signer.verify(token, new Date(ended + 30 * day)), undefined);
  });

  it('lasts until 30 days after the talk when the talk ends later', () => {
    const withTalk = {
      ...observation,
      talk: {
        choice: 'nextWorkingDay',
        startsAt: '2026-09-04T07:00:00.000Z',
        endsAt: '2026-09-04T07:30:00.000Z',
      },
    } as Observation;
    const claims = signer.verify(tokenOf(links.urlFor(withTalk, personId)), new Date(ended));
    assert.equal(claims?.expiresAt, (Date.parse('2026-09-04T07:30:00.000Z') + 30 * day) / 1000);
  });

  it('carries nothing readable about the person: no Entra id, in any spelling', () => {
    const url = links.urlFor(observation, personId);
    const decoded = Buffer.from(token.split('.')[0]!, 'base64url').toString('utf8');
    for (const text of [url, decoded, url.toLowerCase()]) {
      assert.ok(!text.includes(personId), text);
      assert.ok(!text.includes(personId.replace(/-/g, '')), text);
    }
    assert.ok(!decoded.includes(personId.toUpperCase()));
  });

  it('refuses a token with one character changed, anywhere', () => {
    const now = new Date(ended);
    for (let i = 0; i < token.length; i++) {
      if (token[i] === '.') continue;
      const changed = token.slice(0, i) + (token[i] === 'A' ? 'B' : 'A') + token.slice(i + 1);
      assert.equal(signer.verify(changed, now), undefined, `position ${i}`);
    }
  });

  it("refuses a payload swapped for another link's, under the first signature", () => {
    const other = tokenOf(links.urlFor({ ...observation, id: 'observation:other' } as Observation, personId));
    const swapped = `${other.split('.')[0]}.${token.split('.')[1]}`;
    assert.equal(signer.verify(swapped, new Date(ended)), undefined);
  });

  it('refuses a token signed with another secret, and one that is not a token at all', () => {
    const foreign = new CalendarLinks(new CalendarLinkSigner(secret + '!'), 'https://x', tenantId);
    const now = new Date(ended);
    assert.equal(signer.verify(tokenOf(foreign.urlFor(observation, personId)), now), undefined);
    for (const junk of ['', '.', 'a.b', `${token}.x`, token.split('.')[0]!, 'é'.repeat(80), 'x'.repeat(5000)])
      assert.equal(signer.verify(junk, now), undefined, junk.slice(0, 20));
  });

  it('tags a person differently in another tenant and under another secret, the same way each time', () => {
    const tag = signer.personTag(tenantId, personId);
    assert.equal(signer.personTag(tenantId, personId), tag);
    assert.notEqual(signer.personTag('11111111-0000-4000-8000-0000000000aa', personId), tag);
    assert.notEqual(new CalendarLinkSigner(secret + '!').personTag(tenantId, personId), tag);
    assert.notEqual(signer.personTag(tenantId, entraId(0xc1)), tag);
  });
});
