import assert from 'node:assert/strict';
import { teamsInviteUrl } from '../../src/calendar/teams-invite';

describe('a Teams meeting invite link', () => {
  const o = {
    startsAt: '2026-09-10T08:00:00.000Z',
    endsAt: '2026-09-10T09:00:00.000Z',
    memberIds: ['host', 'observer'],
  };

  it('opens a new Teams meeting with the pair, the time and the title, each parameter encoded', () => {
    const url = teamsInviteUrl(
      o,
      { host: 'a@x.example', observer: 'b@x.example' },
      'Peer observation with Åsa & Bo',
    );
    const parsed = new URL(url!);
    assert.equal(`${parsed.origin}${parsed.pathname}`, 'https://teams.microsoft.com/l/meeting/new');
    assert.deepEqual(Object.fromEntries(parsed.searchParams), {
      subject: 'Peer observation with Åsa & Bo',
      startTime: o.startsAt,
      endTime: o.endsAt,
      attendees: 'a@x.example,b@x.example',
    });
  });

  it('is not made while any member’s sign-in name is unknown', () => {
    assert.equal(teamsInviteUrl(o, { host: 'a@x.example' }, 'x'), undefined);
    assert.equal(
      teamsInviteUrl(
        { ...o, memberIds: ['host', 'observer', 'third'] },
        { host: 'a@x', observer: 'b@x' },
        'x',
      ),
      undefined,
    );
  });
});
