import assert from 'node:assert/strict';
import { renderWelcomeCard } from '../../src/cards/welcome-card';
import { english, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

describe('cards/welcome-card', () => {
  it('greets a supervisor by name, with the promise that what they write stays with their pair', () => {
    const card = renderWelcomeCard({ name: 'Avery Lind', team: false, coordinator: false }, english);
    const text = textOf(card);
    assert.match(text, /Hello Avery Lind!/);
    assert.match(text, /What you write stays with your pair/);
    assert.doesNotMatch(text, /You are a coordinator/);
    assert.deepEqual(verbsOf(card), ['command.run', 'command.run']);
  });

  it('tells a coordinator how to set up a programme', () => {
    const card = renderWelcomeCard({ name: 'Avery Lind', team: false, coordinator: true }, english);
    assert.match(textOf(card), /You are a coordinator: type \*\*programmes\*\*/);
  });

  it("greets a team's channel without a name, without the 1:1 intro, and without buttons", () => {
    const card = renderWelcomeCard({ name: '', team: true, coordinator: false }, english);
    const text = textOf(card);
    assert.match(text, /Peer Coach is here/);
    assert.doesNotMatch(text, /Hello|How to begin|What you write stays/);
    assert.deepEqual(verbsOf(card), []);
  });

  it('welcomes in Swedish', () => {
    const card = renderWelcomeCard({ name: 'Avery Lind', team: false, coordinator: false }, swedish);
    assert.match(textOf(card), /Välkommen till Peer Coach\nHej Avery Lind!/);
    assert.match(textOf(card), /Det du skriver stannar hos ert par/);
  });
});
