import assert from 'node:assert/strict';
import { isSupportedLocale, wordsFor } from '../../src/i18n';

/** ICU puts thin and narrow no-break spaces around the dash and before AM/PM: compare them as spaces */
const plain = (s: string) => s.replace(/\s/g, ' ');

describe('i18n: the words for one reader', () => {
  const english = wordsFor('en-GB', 'Europe/Stockholm');

  it('offers exactly the languages it has a catalogue for, as a language chosen in the profile', () => {
    assert.equal(isSupportedLocale('en'), true);
    assert.equal(isSupportedLocale('sv'), true);
    assert.equal(isSupportedLocale('sv-SE'), false, 'a profile names a language, not a region');
    assert.equal(isSupportedLocale('de'), false);
  });

  it('finds a question, whose id has dots of its own, under its section', () => {
    assert.equal(english.t('questions.bh.focus'), 'What should your peer watch for and give feedback on?');
    assert.notEqual(wordsFor('sv', 'UTC').t('questions.bh.focus'), english.t('questions.bh.focus'));
  });

  it('shows an unknown key as itself, and leaves a placeholder it was given no value for', () => {
    assert.equal(english.t('no.such.message'), 'no.such.message');
    assert.equal(english.t('welcome.hello'), 'Hello {name}!');
    assert.equal(english.t('welcome.hello', { name: 'Avery', other: 'x' }), 'Hello Avery!');
  });

  it("hands a card template one section's strings in the reader's language", () => {
    assert.equal(english.section('welcome').hello, 'Hello {name}!');
    assert.equal(wordsFor('sv-SE', 'UTC').section('welcome').hello, 'Hej {name}!');
  });

  it("writes a moment in the reader's own time zone", () => {
    const at = new Date('2026-09-02T08:00:00Z');
    assert.match(english.dateTime(at), /10:00/);
    assert.match(wordsFor('en-GB', 'Europe/London').dateTime(at), /09:00/);
  });

  it("writes a meeting's start and end as one range, the date once when both fall on one day", () => {
    const [start, end] = [new Date('2026-09-02T08:00:00Z'), new Date('2026-09-02T09:00:00Z')];
    assert.equal(plain(english.range(start, end)), 'Wed, 2 Sept 2026, 10:00–11:00');
    assert.equal(
      plain(wordsFor('sv-SE', 'Europe/Stockholm').range(start, end)),
      'ons 2 sep. 2026 10:00–11:00',
    );
    assert.equal(
      plain(wordsFor('en-US', 'America/New_York').range(start, end)),
      'Wed, Sep 2, 2026, 4:00 – 5:00 AM',
    );
  });

  describe('words made once per locale and time zone', () => {
    it('gives the same words to every reader of one locale and zone, and other words for another zone', () => {
      assert.equal(wordsFor('en-GB', 'Europe/Stockholm'), english);
      const london = wordsFor('en-GB', 'Europe/London');
      assert.notEqual(london, english);
      assert.equal(london.timeZone, 'Europe/London');
      assert.equal(wordsFor(undefined, 'UTC').locale, 'en-GB');
      assert.ok(Object.isFrozen(english), 'words shared by everyone cannot be changed by anyone');
    });

    it('writes each moment, number and list it is given, not the first one it wrote, in both languages', () => {
      const swedish = wordsFor('sv-SE', 'Europe/Stockholm');
      for (const [words, first, second] of [
        [english, /10:00/, /15:30/],
        [swedish, /10:00/, /15:30/],
      ] as const) {
        assert.match(words.dateTime(new Date('2026-09-02T08:00:00Z')), first);
        assert.match(words.dateTime(new Date('2026-09-03T13:30:00Z')), second);
      }
      const start = new Date('2026-09-02T08:00:00Z');
      assert.equal(
        plain(english.range(start, new Date('2026-09-02T09:00:00Z'))),
        'Wed, 2 Sept 2026, 10:00–11:00',
      );
      assert.equal(
        plain(english.range(start, new Date('2026-09-02T08:30:00Z'))),
        'Wed, 2 Sept 2026, 10:00–10:30',
      );
      assert.equal(
        plain(swedish.range(start, new Date('2026-09-02T08:30:00Z'))),
        'ons 2 sep. 2026 10:00–10:30',
      );
      assert.equal(english.number(19.3), '19.3');
      assert.equal(english.number(19.3, 2), '19.30');
      assert.equal(english.number(4), '4');
      assert.equal(swedish.number(19.3, 2), '19,30');
      assert.equal(swedish.number(19.3), '19,3');
      assert.equal(english.list(['Ann', 'Bo', 'Cy']), 'Ann, Bo and Cy');
      assert.equal(english.list(['Ann', 'Bo']), 'Ann and Bo');
      assert.equal(swedish.list(['Ann', 'Bo', 'Cy']), 'Ann, Bo och Cy');
      assert.match(english.t('common.slowDown', { count: 1 }), /in 1 second\./);
      assert.match(english.t('common.slowDown', { count: 5 }), /in 5 seconds\./);
      assert.match(swedish.t('common.slowDown', { count: 1 }), /om 1 sekund\./);
      assert.match(swedish.t('common.slowDown', { count: 5 }), /om 5 sekunder\./);
    });

    it('keeps every reader right when more locales and zones arrive than it keeps', () => {
      const zones = ['Europe/Stockholm', 'Europe/London', 'America/New_York', 'Asia/Tokyo'];
      const at = new Date('2026-09-02T08:00:00Z');
      for (let i = 0; i < 600; i++) wordsFor(`en-X${i}`, zones[i % zones.length]!);
      assert.match(wordsFor('en-GB', 'Asia/Tokyo').dateTime(at), /17:00/);
      assert.match(wordsFor('en-GB', 'Europe/Stockholm').dateTime(at), /10:00/);
      assert.equal(wordsFor('sv', 'UTC').t('welcome.hello'), 'Hej {name}!');
    });
  });
});
