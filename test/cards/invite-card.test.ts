import assert from 'node:assert/strict';
import { renderInviteCard } from '../../src/cards/invite-card';
import { english, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const colleagues = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `Colleague ${i}`, value: `id-${i}` }));
const choices = (card: object) => (inputOf(card, 'colleague')?.choices as unknown[] | undefined) ?? [];

describe('cards/invite-card', () => {
  it('offers the colleagues one can invite, and a button to send', () => {
    const card = renderInviteCard({ options: colleagues(3) }, english);
    assert.deepEqual(choices(card), colleagues(3));
    assert.match(textOf(card), /Invite a colleague\nChoose a colleague/);
    assert.deepEqual(verbsOf(card), ['invite.send']);
  });

  it('lists at most 200 colleagues, so the card stays small enough to send', () => {
    assert.equal(choices(renderInviteCard({ options: colleagues(1000) }, english)).length, 200);
  });

  it('says why when there is nobody to invite, with nothing to choose or send', () => {
    const card = renderInviteCard({ options: [] }, english);
    assert.match(textOf(card), /There is nobody you can invite right now/);
    assert.equal(inputOf(card, 'colleague'), undefined);
    assert.deepEqual(verbsOf(card), []);
  });

  it('once sent, shows only the outcome', () => {
    const card = renderInviteCard({ options: [], message: 'Invitation sent to Blake Berg.' }, english);
    assert.match(textOf(card), /Invitation sent to Blake Berg\./);
    assert.doesNotMatch(textOf(card), /nobody you can invite/);
    assert.deepEqual(verbsOf(card), []);
  });

  it('invites in Swedish', () => {
    const card = renderInviteCard({ options: colleagues(2) }, swedish);
    assert.match(textOf(card), /Bjud in en kollega\nVälj en kollega/);
    assert.match(textOf(card), /Skicka inbjudan/);
  });
});
