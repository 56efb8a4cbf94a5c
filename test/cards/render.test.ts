import assert from 'node:assert/strict';
import { renderInvitationCard } from '../../src/cards/invitation-card';
import { allKeys, expandCard, firstOf, numberValue } from '../../src/cards/render';
import { english } from '../support/card-samples';

/** a card with a button, a refresh for `readers` and a number field showing `minutes` */
const template = {
  type: 'AdaptiveCard',
  version: '1.5',
  refresh: { action: { type: 'Action.Execute', verb: 'prompt.view' }, userIds: '${readers}' },
  body: [{ type: 'Input.Number', id: 'minutes', value: '${minutes}' }],
  actions: [
    {
      type: 'Action.Execute',
      title: '${title}',
      style: 'positive',
      verb: 'prompt.answer',
      data: { verb: 'prompt.answer', promptId: 'p' },
    },
  ],
};
const expand = (data: object) => expandCard(template, { title: 'Send', readers: [], minutes: null, ...data });
const button = (card: object) => (card as { actions: Record<string, unknown>[] }).actions[0]!;
const refresh = (card: object) => (card as { refresh: Record<string, unknown> }).refresh;

describe('cards/render', () => {
  describe('expandCard', () => {
    it('keeps text that someone typed literal: template expressions in data are not evaluated', () => {
      const card = renderInvitationCard(
        {
          programmeId: 'p',
          programmeName: '${t.accept}',
          invitationId: 'i',
          fromName: '${1+1}',
          state: 'pending',
        },
        english,
      );
      const json = JSON.stringify(card);
      assert.match(json, /\$\{1\+1\} invites you/);
      assert.match(json, /In \$\{t.accept\}/);
    });

    it('gives a button a fallback for clients without Universal Actions: the same title, style and data, with the verb', () => {
      assert.deepEqual(button(expand({})).fallback, {
        type: 'Action.Submit',
        title: 'Send',
        style: 'positive',
        data: { verb: 'prompt.answer', promptId: 'p' },
      });
    });

    it("gives the card's refresh action no fallback: only Universal Actions clients run it", () => {
      assert.equal((refresh(expand({})).action as Record<string, unknown>).fallback, undefined);
    });

    it('refreshes for the readers named, and drops a list that names nobody', () => {
      assert.deepEqual(refresh(expand({ readers: ['29:someone'] })).userIds, ['29:someone']);
      assert.ok(!('userIds' in refresh(expand({}))));
    });

    it('sends a number field with no number without a value, and a number as a number', () => {
      const minutes = (card: object) => (card as { body: Record<string, unknown>[] }).body[0]!;
      assert.ok(!('value' in minutes(expand({}))));
      assert.equal(minutes(expand({ minutes: 45 })).value, 45);
    });

    it('expands the same template again with other data, untouched by the card made before', () => {
      assert.equal(button(expand({ title: 'First' })).title, 'First');
      assert.equal(button(expand({ title: 'Second' })).title, 'Second');
      assert.equal((button(expand({ title: 'Third' })).fallback as { title: string }).title, 'Third');
    });
  });

  describe('numberValue', () => {
    it('reads numbers as a person types them, and nothing else', () => {
      assert.equal(numberValue('0'), 0);
      assert.equal(numberValue('12.5'), 12.5);
      assert.equal(numberValue('-1'), -1);
      assert.equal(numberValue('0x10'), null);
      assert.equal(numberValue('12 minutes'), null);
    });
  });

  describe('allKeys', () => {
    it("has every listed key, '' where nothing was given, and no other key", () => {
      const values = { date: '2026-09-02', extra: 'x' } as Partial<Record<'date' | 'time', string>>;
      assert.deepEqual(allKeys(['date', 'time'], values), { date: '2026-09-02', time: '' });
    });
  });

  describe('firstOf', () => {
    it('keeps the first items up to the limit and says how many were left out', () => {
      assert.deepEqual(firstOf([1, 2, 3, 4, 5], 3), { shown: [1, 2, 3], more: 2 });
      assert.deepEqual(firstOf([1, 2], 3), { shown: [1, 2], more: 0 });
    });
  });
});
