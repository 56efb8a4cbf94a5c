import assert from 'node:assert/strict';
import {
  NudgeComposeCardData,
  NudgePreviewCardData,
  renderNudgeComposeCard,
  renderNudgePreviewCard,
  renderNudgeProgressCard,
} from '../../src/cards/nudge-cards';
import { Words } from '../../src/i18n';
import { buttonsOf, english, inputOf, sampleNudge, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const compose = (input: NudgeComposeCardData['input'] = {}, words: Words = english, error?: string) =>
  renderNudgeComposeCard({ programmeId: 'p-1', programmeName: 'Autumn', input, error }, words);
const preview = (data: Partial<NudgePreviewCardData> = {}, words: Words = english) =>
  renderNudgePreviewCard(
    { programmeName: 'Autumn', nudge: sampleNudge(3), excluded: { paused: 0, unreachable: 0 }, ...data },
    words,
  );

describe('cards/nudge-cards', () => {
  describe('composing', () => {
    it('offers the groups and wordings, starting from "paired, nothing scheduled" and the scheduling wording', () => {
      const card = compose();
      assert.equal(inputOf(card, 'segment')?.value, 'nothingScheduled');
      assert.equal((inputOf(card, 'segment')?.choices as unknown[]).length, 6);
      assert.equal(inputOf(card, 'wording')?.value, 'schedule');
      assert.match(textOf(card), /^Nudge: Autumn\n/);
      assert.deepEqual(buttonsOf(card)[0]!.data, { verb: 'nudge.preview', programmeId: 'p-1' });
    });

    it('offers the nudge a default of 3 days when none is typed', () => {
      assert.equal(inputOf(compose(), 'days')?.value, 3);
      assert.equal(inputOf(compose({ days: '10' }), 'days')?.value, 10);
    });

    it('keeps what was chosen and typed through a refusal, and says why', () => {
      const card = compose(
        { segment: 'everyone', wording: 'thanks', message: 'Hello all' },
        english,
        'nudge.empty',
      );
      assert.equal(inputOf(card, 'segment')?.value, 'everyone');
      assert.equal(inputOf(card, 'wording')?.value, 'thanks');
      assert.equal(inputOf(card, 'message')?.value, 'Hello all');
      assert.match(textOf(card), /Write a message or choose a wording\./);
    });

    it('composes in Swedish', () => {
      const text = textOf(compose({}, swedish));
      assert.match(text, /^Knuff: Autumn\n/);
      assert.match(text, /I par, inget bokat ännu/);
    });
  });

  describe('the preview', () => {
    it('says how many it reaches, who is left out, and exactly what they will see', () => {
      const card = preview({ excluded: { paused: 1, unreachable: 2 } });
      assert.match(
        textOf(card),
        /^Preview: Autumn\nThis nudge reaches 3 people\.\n1 paused and 2 not reachable in Teams are left out\./,
      );
      assert.match(textOf(card), /A note from your programme coordinator\ny{1000}/);
      assert.deepEqual(verbsOf(card), ['nudge.send', 'nudge.open']);
      assert.equal(buttonsOf(card)[0]!.title, 'Send to 3 people');
    });

    it('offers nothing to send when the group is empty', () => {
      const card = preview({ nudge: sampleNudge(0) });
      assert.match(textOf(card), /Nobody in that group right now\./);
      assert.deepEqual(verbsOf(card), ['nudge.open']);
    });

    it('lists the unreachable by name, at most 100, instead of sending to them', () => {
      const names = Array.from({ length: 120 }, (_, i) => `Supervisor ${i}`);
      const card = preview({ listOnly: names });
      assert.match(textOf(card), /These people cannot be reached in Teams/);
      assert.match(textOf(card), /Supervisor 98 and Supervisor 99 …and 20 more\./);
      assert.doesNotMatch(textOf(card), /This nudge reaches|Supervisor 100/);
      assert.deepEqual(verbsOf(card), ['nudge.open']);
    });

    it('previews in Swedish', () => {
      const text = textOf(preview({ excluded: { paused: 1, unreachable: 2 } }, swedish));
      assert.match(text, /^Förhandsvisning: Autumn\nDen här knuffen når 3 personer\./);
      assert.match(text, /Skicka till 3 personer/);
    });
  });

  describe('the progress', () => {
    it('counts what was sent, unreachable, failed, paused and what remains while sending', () => {
      const text = textOf(renderNudgeProgressCard(sampleNudge(40), 'Autumn', english));
      assert.match(text, /^Sending the nudge… — Autumn\n14 of 40 done\./);
      assert.match(
        text,
        /Sent\n10\nNot reachable\n1\nCould not be sent\n1\nPaused since \(not sent\)\n2\nRemaining\n26/,
      );
    });

    it('reports the delivery at the end, with nothing remaining', () => {
      const text = textOf(renderNudgeProgressCard(sampleNudge(14, 'done'), 'Autumn', english));
      assert.match(text, /^Nudge delivered — Autumn\n14 of 14 done\./);
      assert.doesNotMatch(text, /Remaining/);
    });

    it('reports in Swedish', () => {
      const text = textOf(renderNudgeProgressCard(sampleNudge(14, 'done'), 'Autumn', swedish));
      assert.match(text, /^Knuffen är levererad — Autumn\n14 av 14 klara\.\nSkickade\n10/);
    });
  });
});
