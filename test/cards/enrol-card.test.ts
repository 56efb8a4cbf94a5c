import assert from 'node:assert/strict';
import { EnrolCardData, renderEnrolCard } from '../../src/cards/enrol-card';
import { Words } from '../../src/i18n';
import { english, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const people = [{ title: 'Chris Dahl', value: 'c' }];
const teams = [{ title: 'Surgery supervisors', value: 't-1' }];
const enrol = (data: Partial<EnrolCardData> = {}, words: Words = english) =>
  renderEnrolCard(
    { programmeId: 'p-1', programmeName: 'Autumn', people, teams, peoplePicker: false, ...data },
    words,
  );

describe('cards/enrol-card', () => {
  it('enrols people or whole teams in the programme named, and leads back to it', () => {
    const card = enrol();
    assert.match(textOf(card), /Enrol supervisors in Autumn/);
    assert.deepEqual(inputOf(card, 'people')?.choices, people);
    assert.deepEqual(inputOf(card, 'teamIds')?.choices, teams);
    assert.deepEqual(verbsOf(card), ['enrol.save', 'programme.open']);
  });

  it("searches with Teams' people picker where there is one", () => {
    assert.deepEqual(inputOf(enrol({ peoplePicker: true }), 'people')?.['choices.data'], {
      type: 'Data.Query',
      dataset: 'graph.microsoft.com/users',
    });
    assert.equal(inputOf(enrol(), 'people')?.['choices.data'], undefined);
  });

  it('explains how to enrol a team when the bot is in none', () => {
    const card = enrol({ teams: [] });
    assert.equal(inputOf(card, 'teamIds'), undefined);
    assert.match(textOf(card), /Add Peer Coach to a team/);
    assert.doesNotMatch(textOf(enrol()), /Add Peer Coach to a team/);
  });

  it('shows what was wrong with the last attempt', () => {
    assert.match(textOf(enrol({ error: 'enrol.nobody' })), /Choose at least one person or a team\./);
    assert.doesNotMatch(textOf(enrol()), /Choose at least one/);
  });

  it('enrols in Swedish', () => {
    const text = textOf(enrol({ error: 'enrol.nobody' }, swedish));
    assert.match(text, /Registrera handledare i Autumn/);
    assert.match(text, /Välj minst en person eller ett team\./);
    assert.match(text, /Tillbaka till programmet/);
  });
});
