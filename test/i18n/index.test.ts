import assert from 'node:assert/strict';
import { isSupportedLocale, wordsFor } from '../../src/i18n';

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
});
