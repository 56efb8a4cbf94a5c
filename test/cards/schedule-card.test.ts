import assert from 'node:assert/strict';
import { renderScheduleCard, ScheduleCardData } from '../../src/cards/schedule-card';
import { Words } from '../../src/i18n';
import { buttonsOf, english, inputIdsOf, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const members = [
  { title: 'Blake Berg', value: 'host' },
  { title: 'Chris Dahl', value: 'observer' },
];
const schedule = (data: Partial<ScheduleCardData> = {}, words: Words = english) =>
  renderScheduleCard(
    {
      mode: 'new',
      editable: true,
      pairs: [],
      members,
      input: {},
      errors: {},
      pairKey: 'pair:1|p-1',
      ...data,
    },
    words,
  );
const save = (card: object) => buttonsOf(card)[0]!;

describe('cards/schedule-card', () => {
  it('asks for the date, start, duration, host, setting, learner and the time to talk, in the reader’s time zone', () => {
    const card = schedule();
    assert.deepEqual(inputIdsOf(card), [
      'date',
      'startTime',
      'durationMinutes',
      'hostId',
      'setting',
      'learnerLevel',
      'talk',
      'talkTime',
    ]);
    assert.deepEqual(
      (inputOf(card, 'talk')?.choices as { value: string }[]).map((c) => c.value),
      ['rightAfter', 'laterToday', 'nextWorkingDay', 'agreeLater'],
    );
    assert.match(textOf(card), /due when the talk begins/);
    assert.deepEqual(inputOf(card, 'hostId')?.choices, members);
    assert.match(textOf(card), /Schedule an observation\nTimes are in your time zone \(Europe\/Stockholm\)/);
    assert.deepEqual(save(card).data, {
      verb: 'schedule.save',
      pairKey: 'pair:1|p-1',
      observationId: '',
      returnOf: '',
    });
  });

  it('asks which pair only of someone with more than one', () => {
    const pairs = [
      { title: 'Chris Dahl', value: 'pair:1|p-1' },
      { title: 'Dana Ek', value: 'pair:2|p-2' },
    ];
    assert.deepEqual(inputOf(schedule({ pairs }), 'pair')?.choices, pairs);
    assert.equal(inputOf(schedule({ pairs: pairs.slice(0, 1) }), 'pair'), undefined);
  });

  it('keeps what was typed through a refusal, with the problem beside its field', () => {
    const card = schedule({
      input: { date: '2026-09-02', hostId: 'observer' },
      errors: { date: 'schedule.error.past' },
    });
    assert.equal(inputOf(card, 'date')?.value, '2026-09-02');
    assert.equal(inputOf(card, 'hostId')?.value, 'observer');
    assert.match(textOf(card), /Date\nThat is in the past\./);
    assert.doesNotMatch(textOf(schedule()), /in the past/);
  });

  it('moves an observation, or schedules the return visit, with their own titles', () => {
    const move = schedule({ mode: 'move', observationId: 'observation:1' });
    assert.match(textOf(move), /^Move the observation/);
    assert.equal(save(move).title, 'Move it');
    assert.equal(save(move).data.observationId, 'observation:1');
    const back = schedule({ mode: 'return', returnOf: 'observation:1' });
    assert.match(textOf(back), /^Schedule the return visit/);
    assert.equal(save(back).data.returnOf, 'observation:1');
  });

  it('once saved, shows the outcome and cannot be sent again', () => {
    const card = schedule({ editable: false, message: 'Scheduled.' });
    assert.deepEqual(inputIdsOf(card), []);
    assert.deepEqual(verbsOf(card), []);
    assert.match(textOf(card), /Scheduled\./);
  });

  it('schedules in Swedish', () => {
    const text = textOf(schedule({ errors: { startTime: 'schedule.error.overlap' } }, swedish));
    assert.match(text, /Boka en observation\nTiderna är i din tidszon \(Europe\/Stockholm\)/);
    assert.match(text, /En av er har redan en observation då/);
    assert.match(text, /Rond/);
  });

  it('offers to move the talk with an observation that has one, and only then', () => {
    const moving = schedule({
      mode: 'move',
      talkMoves: true,
      input: { talk: 'laterToday', talkMoves: 'true' },
    });
    assert.ok(inputIdsOf(moving).includes('talkMoves'));
    assert.equal(inputOf(moving, 'talkMoves')?.value, 'true');
    assert.ok(!inputIdsOf(schedule({ mode: 'move' })).includes('talkMoves'));
  });
});
