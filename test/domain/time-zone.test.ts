import assert from 'node:assert/strict';
import { IANAZone } from 'luxon';
import { isTimeZone } from '../../src/domain/time-zone';

describe('domain/time-zone', () => {
  describe('isTimeZone', () => {
    it('knows an IANA name, however often it is asked, and refuses what is not one', () => {
      for (let i = 0; i < 3; i++) {
        assert.equal(isTimeZone('Europe/Stockholm'), true);
        assert.equal(isTimeZone('Nowhere/Land'), false);
      }
      assert.equal(isTimeZone('UTC'), true);
      assert.equal(isTimeZone(''), false);
      assert.equal(isTimeZone(`Europe/${'x'.repeat(100)}`), false);
    });

    it("answers as luxon's own check does, also after more names than it remembers", () => {
      const names = Array.from({ length: 1200 }, (_, i) => (i % 2 ? `Etc/GMT+${i % 12}` : `Zone/${i}`));
      for (const name of names) assert.equal(isTimeZone(name), IANAZone.isValidZone(name), name);
      assert.equal(isTimeZone('America/New_York'), true);
      assert.equal(isTimeZone('Zone/0'), false);
    });
  });
});
