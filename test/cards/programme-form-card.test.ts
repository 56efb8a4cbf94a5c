import assert from 'node:assert/strict';
import { ProgrammeFormCardData, renderProgrammeFormCard } from '../../src/cards/programme-form-card';
import { programmeToInput } from '../../src/domain/programme';
import { minuteScale } from '../../src/domain/timing';
import { Words } from '../../src/i18n';
import { buttonsOf, english, inputOf, sampleProgramme, swedish } from '../support/card-samples';
import { textOf } from '../support/test-bot';

const input = programmeToInput(sampleProgramme());
const form = (data: Partial<ProgrammeFormCardData> = {}, words: Words = english) =>
  renderProgrammeFormCard({ input, errors: {}, ...data }, words);
const editing = { programmeId: 'p-1', editingName: 'Autumn term, Medicine', version: '"etag"' };

describe('cards/programme-form-card', () => {
  it('asks for a new programme, with nothing to tie the save to', () => {
    const card = form({ input: {} });
    assert.match(textOf(card), /^New programme\n/);
    assert.deepEqual(buttonsOf(card)[0]!.data, { verb: 'programme.save', programmeId: '', version: '' });
  });

  it('edits a programme with its settings filled in, saving against the version it was opened at', () => {
    const card = form(editing);
    assert.match(textOf(card), /^Edit Autumn term, Medicine\n/);
    assert.equal(inputOf(card, 'name')?.value, 'Autumn term, Medicine');
    assert.equal(inputOf(card, 'startDate')?.value, '2026-09-01');
    assert.equal(inputOf(card, 'quietStart')?.value, '20:00');
    assert.equal(inputOf(card, 'workingDays')?.value, '1,2,3,4,5');
    assert.deepEqual(buttonsOf(card)[0]!.data, {
      verb: 'programme.save',
      programmeId: 'p-1',
      version: '"etag"',
    });
  });

  it('offers each language and each weekday by name', () => {
    assert.deepEqual(inputOf(form(), 'locale')?.choices, [
      { title: 'English', value: 'en' },
      { title: 'Svenska', value: 'sv' },
    ]);
    const days = inputOf(form(), 'workingDays')?.choices as { title: string; value: string }[];
    assert.deepEqual(
      days.map((d) => d.title),
      ['Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday', 'Sunday'],
    );
    assert.equal(days[6]!.value, '7');
  });

  it('shows each problem under its field, with the identifier found masked, and the notice above', () => {
    const text = textOf(
      form({
        errors: { name: 'programme.error.nameIdentifier' },
        found: '19xxxxxx-xxxx',
        notice: 'Someone else saved.',
      }),
    );
    assert.match(text, /This name looks like it holds a personal identifier \(19xxxxxx-xxxx\)/);
    assert.match(text, /Someone else saved\./);
    assert.doesNotMatch(textOf(form()), /personal identifier/);
  });

  it('in a local run, says that each day of the timing lasts a minute', () => {
    assert.match(textOf(form({ scale: minuteScale })), /own time zone\. This is a local run/);
    assert.doesNotMatch(textOf(form()), /local run/);
  });

  it('asks in Swedish', () => {
    const text = textOf(form({ ...editing, errors: { endDate: 'programme.error.endBeforeStart' } }, swedish));
    assert.match(text, /^Redigera Autumn term, Medicine\n/);
    assert.match(text, /Sista dagen måste vara samma dag som den första eller senare\./);
    assert.match(text, /Spara programmet$/);
    assert.match(text, /måndag/);
  });
});
