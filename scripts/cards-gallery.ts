/**
 * Pictures of every Adaptive Card in every supported language: renders the showcase
 * (test/support/showcase-samples.ts: a believable ward round, for the README) and each card of
 * `everyCard` (test/support/card-samples.ts, the sample data the card tests use) with the Adaptive
 * Cards JavaScript renderer, a Microsoft Teams light-theme host config, in headless Chromium, and
 * saves docs/cards/<language>/showcase-<name>.png, docs/cards/<language>/<card>.png and
 * docs/cards/README.md. Pictures of cards that no longer exist are deleted.
 *
 *   npm run cards:gallery
 *
 * Needs Chromium (`apt-get install chromium fonts-liberation`, or CHROMIUM_PATH). Teams draws cards
 * in Segoe UI, which Linux does not have: Liberation Sans stands in. Chart.* elements show their
 * fallback, as in any client without charts.
 */
import { mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import * as prettier from 'prettier';
import { wordsFor, supportedLanguages, type Language } from '../src/i18n';
import { launchChromium } from '../test/support/browser';
import { everyCard } from '../test/support/card-samples';
import { showcaseCaptions, showcaseCards, ShowcaseName } from '../test/support/showcase-samples';

const PROJECT_ROOT = path.resolve(__dirname, '..');
export const GALLERY_DIR = path.join(PROJECT_ROOT, 'docs/cards');
const RENDERER = require.resolve('adaptivecards/dist/adaptivecards.js');

/** the locale each language's pictures are drawn in (its dates, times and lists) */
const LOCALES: Readonly<Record<string, string>> = { en: 'en-GB', sv: 'sv-SE' };
export const localeOf = (language: string): string => LOCALES[language] ?? language;
const TIME_ZONE = 'Europe/Stockholm';

/** Teams' chat column gives a card about this much room */
const CARD_WIDTH = 420;

/** 'prompt (beforeHost, answered)' → 'prompt-before-host-answered' */
export function slugOf(name: string): string {
  return name
    .replace(/([a-z0-9])([A-Z])/g, '$1-$2')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-|-$/g, '');
}

/**
 * Microsoft Teams' light theme, as the Microsoft 365 Agents Playground renders cards (its host
 * config), with a font stack that falls back from Segoe UI to Liberation Sans.
 */
const FONT_STACK =
  "'Segoe UI', 'Segoe UI Web (West European)', -apple-system, BlinkMacSystemFont, 'Liberation Sans', Arial, sans-serif";
const foregroundColors = {
  default: { default: '#ff252424', subtle: '#bf252424' },
  dark: { default: '#252424', subtle: '#bf252424' },
  light: { default: '#ffffff', subtle: '#fff3f2f1' },
  accent: { default: '#6264a7', subtle: '#8b8cc7' },
  good: { default: '#92c353', subtle: '#e592c353' },
  warning: { default: '#f8d22a', subtle: '#e5f8d22a' },
  attention: { default: '#c4314b', subtle: '#e5c4314b' },
};
export const TEAMS_HOST_CONFIG = {
  choiceSetInputValueSeparator: ',',
  supportsInteractivity: true,
  spacing: { small: 8, default: 12, medium: 16, large: 20, extraLarge: 24, padding: 16 },
  separator: { lineThickness: 1, lineColor: '#EEEEEE' },
  imageSizes: { small: 32, medium: 52, large: 100 },
  fontTypes: {
    default: {
      fontFamily: FONT_STACK,
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
    monospace: {
      fontFamily: "'Cascadia Mono', 'Liberation Mono', 'Courier New', monospace",
      fontSizes: { small: 12, default: 14, medium: 14, large: 18, extraLarge: 24 },
      fontWeights: { lighter: 200, default: 400, bolder: 600 },
    },
  },
  textStyles: {
    heading: { fontType: 'default', size: 'large', weight: 'bolder', color: 'default', isSubtle: false },
  },
  textBlock: { headingLevel: 2 },
  containerStyles: {
    default: { foregroundColors, backgroundColor: '#ffffff', borderColor: '#CCCCCC' },
    emphasis: { foregroundColors, backgroundColor: '#fff9f8f7', borderColor: '#666666' },
    accent: { foregroundColors, backgroundColor: '#C7DEF9', borderColor: '#62A8F7' },
    good: { foregroundColors, backgroundColor: '#CCFFCC', borderColor: '#69E569' },
    attention: { foregroundColors, backgroundColor: '#FFC5B2', borderColor: '#FF764C' },
    warning: { foregroundColors, backgroundColor: '#FFE2B2', borderColor: '#FFBC51' },
  },
  actions: {
    maxActions: 6,
    buttonSpacing: 8,
    showCard: { actionMode: 'Inline', inlineTopMargin: 16, style: 'emphasis' },
    preExpandSingleShowCardAction: false,
    actionsOrientation: 'Horizontal',
    actionAlignment: 'Left',
    allowButtonsToWrap: true,
  },
  adaptiveCard: { allowCustomStyle: false },
  imageSet: { imageSize: 'Medium', maxImageHeight: 100 },
  factSet: {
    title: {
      size: 'Default',
      color: 'Default',
      isSubtle: false,
      weight: 'Bolder',
      wrap: true,
      maxWidth: 150,
    },
    value: { size: 'Default', color: 'Default', isSubtle: false, weight: 'Default', wrap: true },
    spacing: 16,
  },
  inputs: {
    label: {
      inputSpacing: 'small',
      requiredInputs: { weight: 'Bolder', suffix: ' *', suffixColor: 'Attention' },
      optionalInputs: { weight: 'Default' },
    },
    errorMessage: { size: 'Small', color: 'Attention', weight: 'Default' },
  },
};

/** a Teams chat: light grey, the card in a white message bubble under the bot's name */
const PAGE = `<!doctype html>
<html><head><meta charset="utf-8"><style>
  html, body { margin: 0; background: #f5f5f5; font-family: ${FONT_STACK}; color: #242424; }
  #shot { display: inline-block; padding: 16px 20px 20px; background: #f5f5f5; }
  .sender { font-size: 12px; color: #616161; margin: 0 0 4px 2px; }
  .sender b { font-weight: 600; color: #424242; margin-right: 8px; }
  .bubble { width: ${CARD_WIDTH}px; background: #fff; border-radius: 6px; overflow: hidden;
    box-shadow: 0 0 2px rgba(0,0,0,.12), 0 1px 2px rgba(0,0,0,.14); }
  .ac-adaptiveCard { border-radius: 6px; }
  .ac-textBlock p, .ac-richTextBlock p { margin: 0; }
  .ac-textBlock p + p, .ac-textBlock p + ul, .ac-textBlock p + ol, .ac-textBlock ul + p,
  .ac-textBlock ol + p { margin-top: 8px; }
  /* the renderer makes a text's first block 100% wide: a list's indent must fit inside that */
  .ac-textBlock > * { box-sizing: border-box; }
  .ac-textBlock ul, .ac-textBlock ol { margin: 0; padding-left: 20px; }
  .ac-textBlock a { color: #5b5fc7; text-decoration: none; }
  /* the renderer sets no gap between facts (its row margin does nothing on a table row); Teams has one */
  .ac-fact-title, .ac-fact-value { padding-bottom: 8px !important; }
  .ac-factset tr:last-child > td { padding-bottom: 0 !important; }
  .ac-input, .ac-input input, .ac-input select, .ac-input textarea { font-family: inherit; font-size: 14px; color: #242424; }
  input.ac-input, select.ac-input, textarea.ac-input, .ac-input-container > input,
  .ac-input-container > select, .ac-input-container > textarea {
    box-sizing: border-box; width: 100%; min-height: 32px; padding: 5px 10px; background: #fff;
    border: 1px solid #d1d1d1; border-bottom-color: #616161; border-radius: 4px; outline: none; }
  textarea.ac-input, .ac-input-container > textarea { min-height: 64px; resize: none; }
  .ac-input-validation-failed, .ac-input-validation-failed input { border-color: #c4314b !important; }
  .ac-choiceSetInput-expanded label, .ac-choiceSetInput-multiSelect label, .ac-toggleInput label {
    font-size: 14px; color: #242424; }
  input[type=radio], input[type=checkbox] { accent-color: #5b5fc7; width: 16px; height: 16px; margin: 2px 8px 2px 0; }
  .ac-actionSet { flex-wrap: wrap; }
  button.ac-pushButton { font-family: inherit; font-size: 14px; font-weight: 600; color: #242424; height: 32px;
    min-width: 96px; padding: 0 12px; border: 1px solid #d1d1d1; border-radius: 4px; background: #fff;
    overflow: hidden; text-overflow: ellipsis; white-space: nowrap; cursor: pointer; }
  button.ac-pushButton.style-positive, button.ac-pushButton.primary { background: #5b5fc7; border-color: #5b5fc7; color: #fff; }
  button.ac-pushButton.style-destructive { color: #c4314b; border-color: #c4314b; }
  button.ac-pushButton.expanded { background: #ebebeb; }
</style></head>
<body><div id="shot"><div class="sender"><b>Peer Coach</b></div><div class="bubble" id="card"></div></div></body></html>`;

/**
 * Runs in the page, after the renderer's script: Teams' subset of Markdown (paragraphs, line breaks,
 * **bold**, _italic_, [links](…), - and 1. lists) and `showCard(json, hostConfig)`, which renders a
 * card into the bubble and returns the renderer's warnings. Plain JavaScript: this project's types
 * have no DOM.
 */
const PAGE_SCRIPT = `
(() => {
  const AC = window.AdaptiveCards;
  const escape = (s) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
  const inline = (s) => escape(s)
    .replace(/\\*\\*(.+?)\\*\\*/g, '<strong>$1</strong>')
    .replace(/(^|[\\s(])_(\\S(?:.*?\\S)?)_(?=$|[\\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/(^|[\\s(])\\*(\\S(?:.*?\\S)?)\\*(?=$|[\\s).,;:!?])/g, '$1<em>$2</em>')
    .replace(/\\[([^\\]]+)\\]\\(([^)\\s]+)\\)/g, '<a href="$2">$1</a>');
  const list = (lines, tag, marker) =>
    '<' + tag + '>' + lines.map((l) => '<li>' + inline(l.replace(marker, '')) + '</li>').join('') + '</' + tag + '>';
  function markdown(text) {
    return text.split(/\\n{2,}/).map((block) => {
      const lines = block.split('\\n');
      if (lines.every((l) => /^\\s*[-*] /.test(l))) return list(lines, 'ul', /^\\s*[-*] /);
      if (lines.every((l) => /^\\s*\\d+\\. /.test(l))) return list(lines, 'ol', /^\\s*\\d+\\. /);
      return '<p>' + lines.map(inline).join('<br>') + '</p>';
    }).join('');
  }
  AC.AdaptiveCard.onProcessMarkdown = (text, result) => {
    result.outputHtml = markdown(text);
    result.didProcess = true;
  };
  // Chromium draws date and time inputs in its own UI language (Debian's package has only en-US);
  // Teams shows them in the reader's locale, as these text boxes do
  function localiseDatesAndTimes(element) {
    const locale = navigator.language;
    const date = new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeZone: 'UTC' });
    const time = new Intl.DateTimeFormat(locale, { timeStyle: 'short', timeZone: 'UTC' });
    for (const input of element.querySelectorAll('input[type=date], input[type=time]')) {
      const text = document.createElement('input');
      text.type = 'text';
      text.className = input.className;
      text.placeholder = input.placeholder;
      if (input.value) {
        text.value = input.type === 'date'
          ? date.format(new Date(input.value + 'T00:00:00Z'))
          : time.format(new Date('1970-01-01T' + input.value.slice(0, 5) + ':00Z'));
      }
      input.replaceWith(text);
    }
  }
  window.showCard = (json, hostConfig) => {
    const card = new AC.AdaptiveCard();
    card.hostConfig = new AC.HostConfig(hostConfig);
    const context = new AC.SerializationContext(new AC.Version(1, 5));
    card.parse(json, context);
    const warnings = [];
    for (let i = 0; i < context.eventCount; i++) warnings.push(context.getEventAt(i).message);
    const element = card.render();
    if (!element) throw new Error('the renderer returned nothing');
    localiseDatesAndTimes(element);
    document.getElementById('card').replaceChildren(element);
    return warnings;
  };
})();
`;

export interface GalleryOptions {
  /** where the language folders and README.md go (default docs/cards) */
  readonly outDir?: string;
  /** which languages (default: every supported one) */
  readonly languages?: readonly Language[];
  /** where progress goes (default: stdout) */
  readonly log?: (line: string) => void;
}

export interface GalleryPicture {
  readonly language: Language;
  /** the everyCard key, e.g. 'prompt (beforeHost, answered)' */
  readonly card: string;
  readonly file: string;
  readonly width: number;
  readonly height: number;
}

export interface GalleryResult {
  readonly pictures: GalleryPicture[];
  /** pictures of cards that no longer exist, deleted */
  readonly removed: string[];
  readonly readme: string;
}

/**
 * A people picker (an Input.ChoiceSet with `choices.data`, which Teams fills from the directory as
 * one types) is drawn as Teams shows it, a search box with its placeholder. The JavaScript renderer
 * has no people picker: it would list every sample choice as a checkbox, thousands of pixels long.
 */
export function asTeamsDrawsIt(card: unknown): unknown {
  if (Array.isArray(card)) return card.map(asTeamsDrawsIt);
  if (!card || typeof card !== 'object') return card;
  const node = Object.fromEntries(Object.entries(card).map(([k, v]) => [k, asTeamsDrawsIt(v)]));
  if (node.type === 'Input.ChoiceSet' && 'choices.data' in node) {
    const { 'choices.data': _query, value: _value, ...picker } = node;
    return { ...picker, isMultiSelect: false, style: 'filtered', choices: [] };
  }
  return node;
}

/** what the showcase's pictures are called: 'showcase: summary' → showcase-summary.png */
export const SHOWCASE = 'showcase: ';
const isShowcase = (card: string) => card.startsWith(SHOWCASE);

/**
 * every card of one language, the showcase first, by name, failing if two names give the same file
 */
export function galleryCards(language: Language): Record<string, unknown> {
  const words = wordsFor(localeOf(language), TIME_ZONE);
  const showcase = Object.entries(showcaseCards(words, language)).map(([name, card]) => [
    SHOWCASE + name,
    card,
  ]);
  return { ...Object.fromEntries(showcase), ...everyCard(words) };
}

/** every card's name and slug, failing if two names give the same file */
function namedCards(language: Language): { name: string; slug: string; card: unknown }[] {
  const cards = Object.entries(galleryCards(language));
  const seen = new Map<string, string>();
  return cards.map(([name, card]) => {
    const slug = slugOf(name);
    const other = seen.get(slug);
    if (other) throw new Error(`cards "${other}" and "${name}" would both be ${slug}.png: rename one`);
    seen.set(slug, name);
    return { name, slug, card };
  });
}

/** renders the gallery; see the file comment */
export async function renderGallery(options: GalleryOptions = {}): Promise<GalleryResult> {
  const outDir = path.resolve(options.outDir ?? GALLERY_DIR);
  const languages = options.languages ?? supportedLanguages;
  const log = options.log ?? ((line: string) => console.log(line));
  const shown = (file: string) => path.relative(process.cwd(), file) || file;
  const pictures: GalleryPicture[] = [];
  const removed: string[] = [];

  const browser = await launchChromium();
  try {
    for (const language of languages) {
      const dir = path.join(outDir, language);
      mkdirSync(dir, { recursive: true });
      const context = await browser.newContext({
        viewport: { width: CARD_WIDTH + 80, height: 800 },
        locale: localeOf(language),
        timezoneId: TIME_ZONE,
      });
      // the page is self-contained: nothing may load from the network
      await context.route('**/*', (route) => route.abort());
      const page = await context.newPage();
      await page.setContent(PAGE);
      await page.addScriptTag({ path: RENDERER });
      await page.addScriptTag({ content: PAGE_SCRIPT });

      const cards = namedCards(language);
      for (const { name, slug, card } of cards) {
        const warnings = await page.evaluate(
          ([json, hostConfig]) =>
            (globalThis as unknown as { showCard(j: unknown, h: unknown): string[] }).showCard(
              json,
              hostConfig,
            ),
          [asTeamsDrawsIt(card), TEAMS_HOST_CONFIG] as const,
        );
        const file = path.join(dir, `${slug}.png`);
        const shot = page.locator('#shot');
        const box = await shot.boundingBox();
        if (!box) throw new Error(`${language}/${name}: the card did not render`);
        await shot.screenshot({ path: file, animations: 'disabled', caret: 'hide' });
        pictures.push({
          language,
          card: name,
          file,
          width: Math.round(box.width),
          height: Math.round(box.height),
        });
        // unknown elements (Chart.*) fall back as designed; anything else is worth a look
        const worth = warnings.filter((w) => !/Chart\./.test(w));
        log(
          `wrote ${shown(file)} (${Math.round(box.width)}×${Math.round(box.height)})` +
            (worth.length ? ` — renderer: ${worth.join('; ')}` : ''),
        );
      }
      await context.close();

      const current = new Set(cards.map((c) => `${c.slug}.png`));
      for (const file of readdirSync(dir)) {
        if (file.endsWith('.png') && !current.has(file)) {
          rmSync(path.join(dir, file));
          removed.push(path.join(dir, file));
          log(`removed ${shown(path.join(dir, file))} (no such card any more)`);
        }
      }
    }
  } finally {
    await browser.close();
  }

  const readme = path.join(outDir, 'README.md');
  writeFileSync(readme, await readmeFor(pictures, languages, outDir));
  log(`wrote ${shown(readme)}`);
  return { pictures, removed, readme };
}

const languageName = (language: string) =>
  new Intl.DisplayNames(['en'], { type: 'language' }).of(language) ?? language;

/** docs/cards/README.md: every card, with a link to its picture in each language */
async function readmeFor(
  pictures: readonly GalleryPicture[],
  languages: readonly Language[],
  outDir: string,
): Promise<string> {
  const cards = [...new Set(pictures.map((p) => p.card))];
  const link = (language: Language, card: string) => {
    const picture = pictures.find((p) => p.language === language && p.card === card);
    const file = picture && path.relative(outDir, picture.file).split(path.sep).join('/');
    return file ? `[${path.basename(file)}](${file})` : '—';
  };
  const table = (names: string[], label: (card: string) => string) => [
    `| Card | ${languages.map((l) => `${languageName(l)} (${localeOf(l)})`).join(' | ')} |`,
    `| --- | ${languages.map(() => '---').join(' | ')} |`,
    ...names.map((card) => `| ${label(card)} | ${languages.map((l) => link(l, card)).join(' | ')} |`),
  ];
  const showcase = cards.filter(isShowcase);
  const text = [
    '# Card gallery',
    '',
    '<!-- generated by `npm run cards:gallery` (scripts/cards-gallery.ts): do not edit by hand -->',
    '',
    `Drawn by the Adaptive Cards JavaScript renderer in headless Chromium with a Microsoft Teams ` +
      `light-theme host config, times in ${TIME_ZONE}; Liberation Sans stands in for Segoe UI. ` +
      'People pickers are drawn as a search box and date and time fields in the reader’s locale, as Teams ' +
      'shows them; charts show their fallback (a table), as in a client without chart support. Teams ' +
      'itself may differ in details.',
    '',
    ...(showcase.length
      ? [
          '## Showcase',
          '',
          'The cards as supervisors and coordinators meet them, with the believable sample data of ' +
            '`test/support/showcase-samples.ts`, written in each language: a ward round where the host ' +
            'lets a medical student lead the history, the pair’s summary, and the report for a programme ' +
            'of 24 supervisors in 12 pairs.',
          '',
          ...table(showcase, (card) => {
            const name = card.slice(SHOWCASE.length) as ShowcaseName;
            return showcaseCaptions[name] ?? name;
          }),
          '',
        ]
      : []),
    '## Every card',
    '',
    'Every Adaptive Card Peer Coach sends, in every state worth checking, with the sample data of ' +
      '`test/support/card-samples.ts` (some of it at its largest, to show the limits).',
    '',
    ...table(
      cards.filter((card) => !isShowcase(card)),
      (card) => card,
    ),
    '',
  ].join('\n');
  const config = (await prettier.resolveConfig(path.join(outDir, 'README.md'))) ?? {};
  return prettier.format(text, { ...config, parser: 'markdown' });
}

async function main(): Promise<void> {
  const { pictures, removed } = await renderGallery();
  console.log(`${pictures.length} pictures, ${removed.length} removed`);
}

if (require.main === module) {
  main().catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
