import assert from 'node:assert/strict';
import { CoordinatorsCardData, renderCoordinatorsCard } from '../../src/cards/coordinators-card';
import { Words } from '../../src/i18n';
import { english, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const people = [{ title: 'Chris Dahl', value: 'c' }];
const coordinators = (data: Partial<CoordinatorsCardData> = {}, words: Words = english) =>
  renderCoordinatorsCard(
    {
      coordinators: [
        { displayName: 'Avery Lind', configured: true },
        { displayName: 'Blake Berg', configured: false },
        { displayName: '', configured: false },
      ],
      people,
      peoplePicker: false,
      ...data,
    },
    words,
  );

describe('cards/coordinators-card', () => {
  it('lists the coordinators, marking those from the configuration, and a dash for one without a name', () => {
    assert.match(textOf(coordinators()), /- Avery Lind \(from configuration\)\n- Blake Berg\n- —/);
  });

  it('offers the people it knows where there is no people picker, and Teams search where there is', () => {
    assert.deepEqual(inputOf(coordinators(), 'person')?.choices, people);
    assert.equal(inputOf(coordinators(), 'person')?.['choices.data'], undefined);
    const picker = inputOf(coordinators({ peoplePicker: true }), 'person');
    assert.deepEqual(picker?.['choices.data'], { type: 'Data.Query', dataset: 'graph.microsoft.com/users' });
    assert.deepEqual(verbsOf(coordinators()), ['coordinator.add']);
  });

  it('offers nobody to add, and no button, when it knows nobody and cannot search', () => {
    const card = coordinators({ people: [] });
    assert.equal(inputOf(card, 'person'), undefined);
    assert.deepEqual(verbsOf(card), []);
  });

  it('shows the outcome of the last action', () => {
    assert.match(
      textOf(coordinators({ message: 'Chris Dahl is now a coordinator.' })),
      /Chris Dahl is now a coordinator\./,
    );
  });

  it('lists the coordinators in Swedish', () => {
    const text = textOf(coordinators({}, swedish));
    assert.match(text, /Samordnare/);
    assert.match(text, /- Avery Lind \(från konfigurationen\)/);
    assert.match(text, /Lägg till en samordnare/);
  });
});
