import assert from 'node:assert/strict';
import { renderPromptCard } from '../../src/cards/prompt-card';
import { PromptView } from '../../src/domain/cycle/ports';
import { PromptStatus } from '../../src/domain/cycle/prompt';
import { PromptKind } from '../../src/domain/cycle/questions';
import { Words } from '../../src/i18n';
import {
  buttonsOf,
  english,
  inputIdsOf,
  inputOf,
  sampleNames,
  sampleObservation,
  samplePrompt,
  swedish,
  typesShowing,
} from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const prompt = (
  kind: PromptKind,
  view: Partial<PromptView> = {},
  status: PromptStatus = 'sent',
  words: Words = english,
) =>
  renderPromptCard(
    {
      prompt: samplePrompt(kind, status),
      view: { observation: sampleObservation(), programmeName: 'Autumn', names: sampleNames, ...view },
    },
    words,
  );

describe('cards/prompt-card', () => {
  it("asks the host before the observation, with the observation's facts and a button to send", () => {
    const card = prompt('beforeHost');
    assert.match(
      textOf(card),
      /^Before you are observed\nWhen\nWed, 2 Sept 2026, 10:00–11:00\nSetting\nWard round\nLearner\nMedical student, years 4–6\nOnly your peer will see/,
    );
    assert.deepEqual(inputIdsOf(card), ['bh.strategy', 'bh.complexity', 'bh.focus', 'bh.safety']);
    assert.deepEqual(buttonsOf(card)[0]!.data, {
      verb: 'prompt.answer',
      pairId: 'pair:1',
      promptId: samplePrompt('beforeHost').id,
    });
  });

  it('shows the observer what the host wants feedback on, or that the host has not said yet', () => {
    assert.match(
      textOf(prompt('beforeObserver', { hostFocus: 'How I give feedback' })),
      /Blake Berg would like feedback on\nHow I give feedback/,
    );
    assert.match(textOf(prompt('beforeObserver')), /Blake Berg has not said yet/);
    assert.doesNotMatch(
      textOf(prompt('beforeHost', { hostFocus: 'How I give feedback' })),
      /How I give feedback/,
    );
  });

  it("shows the host's focus only as a plain TextRun, never as markdown a link or mention could hide in", () => {
    const evil = '[click](https://evil.example) **loud** <at>Avery</at> ${t.accept}';
    const card = prompt('beforeObserver', { hostFocus: evil });
    assert.deepEqual(typesShowing(card, 'evil.example'), ['TextRun']);
    assert.match(JSON.stringify(card), /\$\{t\.accept\}/, 'a template expression stays literal');
  });

  it("titles the observer's feedback with the host's name, and reminds the follow-up of the action point", () => {
    assert.match(textOf(prompt('afterObserver')), /^Your feedback for Blake Berg\n/);
    assert.match(textOf(prompt('followUp')), /You planned: Ask the student to summarise first/);
    assert.deepEqual(inputOf(prompt('followUp'), 'fu.tried')?.choices, [
      { title: 'Yes', value: 'yes' },
      { title: 'Partly', value: 'partly' },
      { title: 'Not yet', value: 'no' },
    ]);
  });

  it('keeps what was typed through a refusal, with the problem under its question', () => {
    const card = prompt('afterHost', {
      typed: { 'ah.plan': 'Went well' },
      errors: { 'ah.plan': 'prompt.error.required' },
    });
    assert.equal(inputOf(card, 'ah.plan')?.value, 'Went well');
    assert.match(
      textOf(card),
      /Went well\nHow did it go compared with your plan\?\nPlease answer this one\./,
    );
  });

  it('once answered, expired or withdrawn, says so and cannot be answered again', () => {
    const states = { answered: /Thank you — saved/, expired: /has expired/, withdrawn: /withdrawn/ } as const;
    for (const [status, says] of Object.entries(states)) {
      const card = prompt('afterHost', {}, status as PromptStatus);
      assert.match(textOf(card), says, status);
      assert.deepEqual(inputIdsOf(card), [], status);
      assert.deepEqual(verbsOf(card), [], status);
      assert.doesNotMatch(textOf(card), /Only your peer will see/, status);
    }
  });

  it('asks in Swedish', () => {
    const text = textOf(prompt('afterObserver', { hostFocus: 'Hur jag ger återkoppling' }, 'sent', swedish));
    assert.match(
      text,
      /^Din återkoppling till Blake Berg\nNär\nons 2 sep\. 2026 10:00–11:00\nMiljö\nRond\nStudent\n/,
    );
    assert.match(text, /Blake Berg vill ha återkoppling på\nHur jag ger återkoppling/);
    assert.match(textOf(prompt('afterHost', {}, 'answered', swedish)), /^Din reflektion\n/);
  });

  it('shows the planned talk, and says an after-card is due when the talk begins', () => {
    const talk = {
      choice: 'laterToday' as const,
      startsAt: '2026-09-02T09:30:00.000Z',
      endsAt: '2026-09-02T10:00:00.000Z',
    };
    const observation = sampleObservation({ talk });
    const card = (expiresAt: string, words: Words = english) =>
      renderPromptCard(
        {
          prompt: { ...samplePrompt('afterHost', 'sent'), expiresAt },
          view: { observation, programmeName: 'Autumn', names: sampleNames },
        },
        words,
      );
    assert.match(textOf(card(talk.startsAt)), /Talk it over\nWed, 2 Sept 2026, 11:30–12:00/);
    assert.match(textOf(card(talk.startsAt)), /Please answer by .*11:30, when your talk begins/);
    assert.match(textOf(card(talk.startsAt, swedish)), /Svara gärna senast .*11:30, när ert samtal börjar/);
    assert.doesNotMatch(
      textOf(card('2026-09-05T09:30:00.000Z')),
      /Please answer by/,
      'a usual deadline is not shouted',
    );
  });
});
