import assert from 'node:assert/strict';
import { whenText } from '../../src/cards/observation-text';
import { wordsFor } from '../../src/i18n';

/** ICU puts thin and narrow no-break spaces around the dash and before AM/PM: compare them as spaces */
const plain = (s: string) => s.replace(/\s/g, ' ');

const when = (locale: string, startsAt: string, endsAt: string, zone = 'Europe/Stockholm') =>
  plain(whenText({ startsAt, endsAt }, wordsFor(locale, zone)));

// Thursday 3 September 2026; Stockholm is UTC+2 (summer time)
const morning = ['2026-09-03T07:05:00.000Z', '2026-09-03T07:15:00.000Z'] as const; // 09:05–09:15
const overNoon = ['2026-09-03T09:30:00.000Z', '2026-09-03T10:30:00.000Z'] as const; // 11:30–12:30
const onTheHour = ['2026-09-03T08:00:00.000Z', '2026-09-03T09:00:00.000Z'] as const; // 10:00–11:00
const overMidnight = ['2026-09-03T21:30:00.000Z', '2026-09-03T22:30:00.000Z'] as const; // 23:30–00:30

describe('cards/observation-text', () => {
  describe('whenText', () => {
    for (const [name, locale, morningText, overNoonText, onTheHourText] of [
      [
        'writes the start and end in one format in en-US, the day period once when it is shared',
        'en-US',
        'Thu, Sep 3, 2026, 9:05 – 9:15 AM',
        'Thu, Sep 3, 2026, 11:30 AM – 12:30 PM',
        'Thu, Sep 3, 2026, 10:00 – 11:00 AM',
      ],
      [
        'writes the start and end in one format in en-GB: two-digit hours, 24-hour clock',
        'en-GB',
        'Thu, 3 Sept 2026, 09:05–09:15',
        'Thu, 3 Sept 2026, 11:30–12:30',
        'Thu, 3 Sept 2026, 10:00–11:00',
      ],
      [
        'writes the start and end in one format in sv-SE',
        'sv-SE',
        'tors 3 sep. 2026 09:05–09:15',
        'tors 3 sep. 2026 11:30–12:30',
        'tors 3 sep. 2026 10:00–11:00',
      ],
    ] as const)
      it(name, () => {
        assert.equal(when(locale, ...morning), morningText);
        assert.equal(when(locale, ...overNoon), overNoonText);
        assert.equal(when(locale, ...onTheHour), onTheHourText);
      });

    it('names the second day when the observation runs past midnight', () => {
      assert.equal(when('en-US', ...overMidnight), 'Thu, Sep 3, 2026, 11:30 PM – Fri, Sep 4, 2026, 12:30 AM');
      assert.equal(when('en-GB', ...overMidnight), 'Thu, 3 Sept 2026, 23:30 – Fri, 4 Sept 2026, 00:30');
      assert.equal(when('sv-SE', ...overMidnight), 'tors 3 sep. 2026 23:30–fre 4 sep. 2026 00:30');
    });

    it("writes the times in the reader's own time zone", () => {
      assert.equal(when('en-US', ...overNoon, 'America/New_York'), 'Thu, Sep 3, 2026, 5:30 – 6:30 AM');
      assert.equal(when('sv-SE', ...overMidnight, 'Europe/London'), 'tors 3 sep. 2026 22:30–23:30');
    });

    it('shows the start alone for an end before the start, rather than no time at all', () => {
      assert.equal(when('en-GB', overNoon[1], overNoon[0]), 'Thu, 3 Sept 2026, 12:30');
    });
  });
});
