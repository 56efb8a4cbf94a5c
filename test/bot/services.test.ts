import assert from 'node:assert/strict';
import { wordsOf } from '../../src/bot/services';
import { reachablePerson } from '../support/bot-actors';

const defaults = { defaultLocale: 'en', defaultTimeZone: 'UTC' };

describe('wordsOf', () => {
  it('speaks the language and time zone a person chose, over what Teams last said', () => {
    const person = reachablePerson(1, 'Avery Lind', {
      seen: { locale: 'en-GB', timeZone: 'Europe/London' },
      preferences: { locale: 'sv-SE', timeZone: 'Europe/Stockholm' },
    });
    const words = wordsOf(person, defaults);
    assert.equal(words.language, 'sv');
    assert.equal(words.timeZone, 'Europe/Stockholm');
  });

  it('follows what Teams last said when the person chose nothing', () => {
    const person = reachablePerson(1, 'Avery Lind', {
      seen: { locale: 'sv-SE', timeZone: 'Europe/London' },
      preferences: {},
    });
    const words = wordsOf(person, defaults);
    assert.equal(words.language, 'sv');
    assert.equal(words.timeZone, 'Europe/London');
  });

  it('falls back to the defaults for someone Teams has told us nothing about', () => {
    const person = reachablePerson(1, 'Avery Lind', { seen: {}, preferences: {} });
    const words = wordsOf(person, { defaultLocale: 'sv', defaultTimeZone: 'America/New_York' });
    assert.equal(words.language, 'sv');
    assert.equal(words.timeZone, 'America/New_York');
  });
});
