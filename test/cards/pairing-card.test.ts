import assert from 'node:assert/strict';
import { renderPairingCard } from '../../src/cards/pairing-card';
import { Words } from '../../src/i18n';
import { english, inputOf, inputIdsOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const supervisors = (n: number) =>
  Array.from({ length: n }, (_, i) => ({ title: `Supervisor ${i}`, value: `s-${i}` }));
const pairing = (waiting: number, words: Words = english, error?: string) =>
  renderPairingCard(
    { programmeId: 'p-1', programmeName: 'Autumn', candidates: supervisors(waiting), error },
    words,
  );

describe('cards/pairing-card', () => {
  it('says how many wait for a peer and offers to pair them all, or two or three by hand', () => {
    const card = pairing(3);
    assert.match(textOf(card), /Pair supervisors in Autumn\n3 waiting for a peer/);
    assert.deepEqual(inputIdsOf(card), ['first', 'second', 'third']);
    assert.deepEqual(inputOf(card, 'first')?.choices, supervisors(3));
    assert.deepEqual(verbsOf(card), ['pairing.auto', 'pairing.manual', 'programme.open']);
  });

  it('offers no third choice where a trio cannot be formed', () => {
    assert.deepEqual(inputIdsOf(pairing(2)), ['first', 'second']);
  });

  it('lists the first 80 by name and says that pairing automatically covers everyone', () => {
    const card = pairing(100);
    assert.equal((inputOf(card, 'first')?.choices as unknown[]).length, 80);
    assert.match(textOf(card), /100 waiting for a peer/);
    assert.match(textOf(card), /Listing the first 80 by name/);
    assert.doesNotMatch(textOf(pairing(80)), /Listing the first/);
  });

  it('says nobody is waiting, with nothing to pair', () => {
    const card = pairing(0);
    assert.match(textOf(card), /Nobody is waiting for a peer\./);
    assert.deepEqual(inputIdsOf(card), []);
    assert.deepEqual(verbsOf(card), ['programme.open']);
  });

  it('pairs in Swedish, with the problem of the last attempt', () => {
    const text = textOf(pairing(3, swedish, 'Välj olika personer.'));
    assert.match(text, /Para ihop handledare i Autumn\n3 väntar på att bilda par/);
    assert.match(text, /Välj olika personer\./);
    assert.match(text, /Para ihop alla som väntar/);
  });
});
