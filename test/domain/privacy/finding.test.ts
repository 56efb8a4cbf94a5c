import assert from 'node:assert/strict';
import { findIdentifiers, mask } from '../../../src/domain/privacy/identifiers';
import { PNR } from './identifier-fixtures';

describe('findIdentifiers', () => {
  describe('shown', () => {
    it('masks everything but the last two characters, keeping separators', () => {
      assert.equal(mask('19811218-9876'), '••••••••-••76');
      const [f] = findIdentifiers(`pnr 19${PNR}`);
      assert.equal(f?.shown, '••••••••-••76');
      const [e] = findIdentifiers('anna.svensson@region.se');
      assert.equal(e?.shown, '••••.••••••••@••••••.se');
    });

    it('masks anything that is not a plain separator, even half a surrogate pair', () => {
      assert.equal(mask('\u{1F600}ab12'), '••••12');
      assert.equal(mask('å'), 'å');
      assert.equal(mask('åäö'), '•äö');
    });
  });
});
