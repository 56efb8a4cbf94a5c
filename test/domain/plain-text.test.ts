import assert from 'node:assert/strict';
import { maxNameLength, personName, plainText } from '../../src/domain/plain-text';

describe('plainText', () => {
  it('leaves an ordinary name as it is, Swedish letters and hyphens included', () => {
    assert.equal(plainText('Åsa Öberg-Lind'), 'Åsa Öberg-Lind');
    assert.equal(plainText("Dr. Seán O'Neill (Surgery)"), "Dr. Seán O'Neill (Surgery)");
  });

  it('cannot make a link, emphasis, a heading, code or a mention', () => {
    assert.equal(plainText('[Click me](https://evil.example)'), 'Click me(https://evil.example)');
    assert.equal(plainText('**Boss** _x_ ~y~ `z` # h'), 'Boss x y z h');
    assert.equal(plainText('<at>Avery</at>'), 'atAvery/at');
  });

  it('turns control and direction-changing characters into spaces', () => {
    assert.equal(plainText('Ann\u202eA\u0007B\n\tC'), 'Ann A B C');
  });
});

describe('a person’s name', () => {
  it('is plain text, cut to a length any real name fits in', () => {
    assert.equal(personName('  [Dr](x) **Avery**  Lind '), 'Dr(x) Avery Lind');
    assert.equal(personName('A'.repeat(100_000)).length, maxNameLength);
  });

  it('loses the bidi isolates U+2066–U+2069 as it loses the other direction controls', () => {
    assert.equal(personName('Ann\u2066A\u2067B\u2068C\u2069 Lind'), 'Ann A B C Lind');
    assert.doesNotMatch(personName('\u2068Avery\u2069 \u2067dniL\u2069'), /[\u2066-\u2069]/);
  });
});
