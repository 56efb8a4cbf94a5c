import { assertFinds, assertNothing } from './identifier-fixtures';

describe('findIdentifiers', () => {
  describe('email', () => {
    it('finds standard addresses', () => {
      for (const address of [
        'anna.svensson@region.se',
        'a_b+tag@mail.example.co.uk',
        'Åsa.Öberg@vgregion.se',
        'x@y.io',
        "o'neil@hospital.org",
      ]) {
        assertFinds(`Mejla ${address}.`, 'email', address);
        assertFinds(`<${address}>`, 'email', address);
      }
      assertFinds('mailto:anna@example.com', 'email', 'anna@example.com');
    });

    it('ignores what is no address', () => {
      for (const text of [
        'x@y',
        '@home',
        'a @ b.se',
        'user@localhost',
        'me@host.c',
        'me@.se',
        'Meet @ 10',
        'a@b.12',
      ]) {
        assertNothing(text);
      }
    });
  });
});
