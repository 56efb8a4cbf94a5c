import assert from 'node:assert/strict';
import { renderHelpCard } from '../../src/cards/help-card';
import { Words } from '../../src/i18n';
import { english, helpCommands, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const help = (words: Words, coordinator = false, paused = false) =>
  renderHelpCard(
    {
      coordinator,
      paused,
      supervisorCommands: helpCommands('supervisor', words),
      coordinatorCommands: helpCommands('coordinator', words),
    },
    words,
  );
const lines = (words: Words, coordinator = false) => textOf(help(words, coordinator)).split('\n');

describe('cards/help-card', () => {
  it('lists what a supervisor can type, each with what it does', () => {
    const shown = lines(english);
    for (const line of ['What you can do', 'help', 'Show this list', 'schedule', 'my data'])
      assert.ok(shown.includes(line), line);
  });

  it('shows a supervisor no coordinator commands and no programmes button', () => {
    const text = textOf(help(english));
    assert.doesNotMatch(text, /As a coordinator|Create a programme|Programmes/);
    assert.equal(verbsOf(help(english)).length, 1, 'only the invite button');
  });

  it('adds the coordinator commands and the programmes button for a coordinator', () => {
    const text = textOf(help(english, true));
    assert.match(text, /As a coordinator/);
    assert.match(text, /Create a programme/);
    assert.ok(lines(english, true).includes('Programmes'));
  });

  it('reminds a paused supervisor how to resume, and only them', () => {
    assert.match(textOf(help(english, false, true)), /You are paused/);
    assert.doesNotMatch(textOf(help(english)), /paused/);
  });

  it('shows the help with the Swedish command words', () => {
    const shown = lines(swedish, true);
    for (const word of ['hjälp', 'profil', 'paus', 'fortsätt', 'bjud in', 'boka', 'mina data', 'program'])
      assert.ok(shown.includes(word), `help lacks ${word}`);
    assert.ok(!shown.includes('help'), 'help shows the English word');
    assert.ok(shown.includes('Det här kan du göra'));
  });
});
