import assert from 'node:assert/strict';
import { existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import {
  asTeamsDrawsIt,
  galleryCards,
  GalleryResult,
  localeOf,
  renderGallery,
  SHOWCASE,
  slugOf,
} from '../../scripts/cards-gallery';
import { supportedLanguages, wordsFor } from '../../src/i18n';
import { pngStats, requireChromium } from '../support/browser';
import { everyCard } from '../support/card-samples';
import { showcaseCaptions, showcaseCards } from '../support/showcase-samples';

describe('scripts/cards-gallery', function () {
  describe('names and drawing', () => {
    it('slugs card names into file names', () => {
      assert.equal(slugOf('prompt (beforeHost, answered)'), 'prompt-before-host-answered');
      assert.equal(
        slugOf('programme (a whole faculty: 3000 enrolled)'),
        'programme-a-whole-faculty-3000-enrolled',
      );
      assert.equal(slugOf('my-data (none)'), 'my-data-none');
    });

    it('gives every card of every language its own file', () => {
      for (const language of supportedLanguages) {
        const names = Object.keys(galleryCards(language));
        assert.equal(new Set(names.map(slugOf)).size, names.length, `${language}: ${names.join(', ')}`);
      }
    });

    it('draws the showcase first, as showcase-<name>.png, then every test sample', () => {
      for (const language of supportedLanguages) {
        const words = wordsFor(localeOf(language), 'Europe/Stockholm');
        const showcase = Object.keys(showcaseCards(words, language));
        assert.deepEqual(showcase, Object.keys(showcaseCaptions), 'every showcase card has a caption');
        assert.deepEqual(Object.keys(galleryCards(language)), [
          ...showcase.map((name) => SHOWCASE + name),
          ...Object.keys(everyCard(words)),
        ]);
        assert.deepEqual(
          showcase.map((name) => slugOf(SHOWCASE + name)),
          showcase.map((name) => `showcase-${name}`),
        );
      }
      // what the brief asks to show, at least
      for (const name of [
        'welcome',
        'before-host',
        'before-observer',
        'feedback',
        'reflection',
        'summary',
        'report',
      ])
        assert.ok(name in showcaseCaptions, name);
    });

    it('draws a people picker as a search box, and leaves other choice sets alone', () => {
      const picker = {
        type: 'Input.ChoiceSet',
        id: 'people',
        placeholder: 'Search',
        isMultiSelect: true,
        style: 'filtered',
        value: 'a',
        choices: [{ title: 'A', value: 'a' }],
        'choices.data': { type: 'Data.Query', dataset: 'graph.microsoft.com/users' },
      };
      const plain = { type: 'Input.ChoiceSet', id: 'days', isMultiSelect: true, choices: [] };
      const drawn = asTeamsDrawsIt({ body: [{ type: 'Container', items: [picker, plain] }] }) as {
        body: [{ items: [Record<string, unknown>, Record<string, unknown>] }];
      };
      const [search, days] = drawn.body[0].items;
      assert.deepEqual(search, {
        type: 'Input.ChoiceSet',
        id: 'people',
        placeholder: 'Search',
        isMultiSelect: false,
        style: 'filtered',
        choices: [],
      });
      assert.deepEqual(days, plain);
    });
  });

  describe('pictures, in headless Chromium', function () {
    this.timeout(90_000);
    const language = supportedLanguages[0]!;
    const cards = Object.keys(galleryCards(language));
    let outDir: string;
    let result: GalleryResult;
    const lines: string[] = [];

    before(async function () {
      requireChromium(this);
      outDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-gallery-'));
      // a picture of a card that no longer exists, and a file that is not a picture
      mkdirSync(path.join(outDir, language));
      writeFileSync(path.join(outDir, language, 'a-card-long-gone.png'), 'old');
      writeFileSync(path.join(outDir, language, 'notes.txt'), 'kept');
      result = await renderGallery({ outDir, languages: [language], log: (line) => lines.push(line) });
    });
    after(() => {
      if (outDir) rmSync(outDir, { recursive: true, force: true });
    });

    it(`draws every card in ${language}, each a picture of plausible size`, () => {
      assert.deepEqual(
        result.pictures.map((p) => p.card),
        cards,
      );
      for (const picture of result.pictures) {
        assert.equal(picture.file, path.join(outDir, language, `${slugOf(picture.card)}.png`));
        const stats = pngStats(picture.file);
        const name = `${language}/${picture.card}`;
        assert.ok(stats.width >= 400 && stats.width <= 520, `${name}: ${stats.width} px wide`);
        assert.ok(stats.height >= 100 && stats.height <= 8000, `${name}: ${stats.height} px high`);
        assert.ok(stats.bytes > 3_000, `${name}: ${stats.bytes} bytes`);
        assert.ok(stats.colours > 16, `${name}: ${stats.colours} colours — text, not a blank box`);
      }
    });

    it('keeps the showcase to pictures a README can show', () => {
      const showcase = result.pictures.filter((p) => p.card.startsWith(SHOWCASE));
      assert.equal(showcase.length, Object.keys(showcaseCaptions).length);
      for (const picture of showcase) {
        assert.match(path.basename(picture.file), /^showcase-[a-z-]+\.png$/);
        assert.ok(picture.height <= 2000, `${picture.card}: ${picture.height} px high`);
      }
    });

    it('deletes pictures of cards that no longer exist, and nothing else', () => {
      assert.deepEqual(result.removed, [path.join(outDir, language, 'a-card-long-gone.png')]);
      assert.equal(existsSync(path.join(outDir, language, 'a-card-long-gone.png')), false);
      assert.equal(readFileSync(path.join(outDir, language, 'notes.txt'), 'utf8'), 'kept');
    });

    it('lists every picture in README.md, the showcase first, and says what it wrote', () => {
      const readme = readFileSync(result.readme, 'utf8');
      const at = (card: string) => readme.indexOf(`(${language}/${slugOf(card)}.png)`);
      for (const card of cards) assert.ok(at(card) > 0, `README.md lacks ${card}`);
      const showcase = cards.filter((c) => c.startsWith(SHOWCASE));
      const others = cards.filter((c) => !c.startsWith(SHOWCASE));
      assert.ok(Math.max(...showcase.map(at)) < Math.min(...others.map(at)), 'the showcase comes first');
      for (const caption of Object.values(showcaseCaptions)) assert.ok(readme.includes(caption), caption);
      assert.equal(lines.filter((l) => l.startsWith('wrote ')).length, cards.length + 1);
      assert.ok(lines.some((l) => /^removed .*a-card-long-gone\.png/.test(l)));
    });
  });
});
