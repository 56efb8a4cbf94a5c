import assert from 'node:assert/strict';
import { cpSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';
import sinon from 'sinon';
import { drawColorIcon, drawOutlineIcon } from '../../scripts/make-icons';
import {
  APP_PACKAGE_DIR,
  buildPackage,
  fillPlaceholders,
  PackageError,
  validateLocalization,
} from '../../scripts/package-app';
import { parseCommand } from '../../src/bot/inbound/commands';

const SAMPLE_ENV = {
  TEAMS_APP_ID: '11111111-1111-4111-8111-111111111111',
  BOT_ID: '22222222-2222-4222-8222-222222222222',
  APP_NAME_SUFFIX: 'test',
} as const;

const PERSONAL_COMMANDS = [
  { title: 'help', description: 'What Peer Coach can do for you' },
  { title: 'profile', description: 'See or change your time zone, language and department' },
  { title: 'pause', description: 'Pause prompts' },
  { title: 'invite', description: 'Invite a colleague to be your peer' },
  { title: 'schedule', description: 'Schedule an observation with your peer' },
  { title: 'upcoming', description: 'See, move or cancel your observations' },
  { title: 'history', description: 'Read your past summaries' },
  { title: 'my data', description: 'See everything you wrote' },
  { title: 'programmes', description: 'Coordinators: manage programmes' },
  { title: 'coordinators', description: 'Coordinators: add a coordinator' },
  { title: 'report', description: 'Coordinators: participation figures and export' },
  { title: 'nudge', description: 'Coordinators: send a kind nudge to a group' },
];
const TEAM_COMMANDS = [{ title: 'help', description: 'What Peer Coach can do for you' }];
const CONFIDENTIALITY_PROMISE = /what you write is for your pair only; coordinators never see it/i;
/** the same promise in Swedish: only your pair sees what you write, never the coordinators */
const CONFIDENTIALITY_PROMISE_SV = /bara ert par ser det du skriver, aldrig samordnarna/i;

interface Command {
  title: string;
  description?: string;
}
interface Bot {
  botId: string;
  scopes: string[];
  supportsFiles?: boolean;
  isNotificationOnly?: boolean;
  commandLists?: { scopes: string[]; commands: Command[] }[];
}
/** the parts of the manifest these tests read, loosely typed so that a broken copy can be made */
interface ManifestJson {
  $schema: string;
  manifestVersion: string;
  id: string;
  name: { short: string; full?: string };
  description: { short: string; full: string };
  developer?: Record<string, string>;
  bots: Bot[];
  permissions: string[];
  [key: string]: unknown;
}

function readTemplate(): string {
  return readFileSync(path.join(APP_PACKAGE_DIR, 'manifest.json'), 'utf8');
}

/** appPackage/sv.json with its placeholders filled from SAMPLE_ENV and the short name trimmed, as packaged */
function sampleSwedish(): Record<string, string> {
  const text = fillPlaceholders(readFileSync(path.join(APP_PACKAGE_DIR, 'sv.json'), 'utf8'), SAMPLE_ENV);
  const strings = JSON.parse(text) as Record<string, string>;
  strings['name.short'] = strings['name.short']!.trim();
  return strings;
}

/** the manifest with its placeholders filled from SAMPLE_ENV, independently of the packager */
function sampleManifest(): ManifestJson {
  const filled = readTemplate().replace(/\$\{\{(\w+)\}\}/g, (_m, name: string) => {
    const value = SAMPLE_ENV[name as keyof typeof SAMPLE_ENV];
    assert.ok(value !== undefined, `the test has no sample value for \${{${name}}}`);
    return value;
  });
  return JSON.parse(filled) as ManifestJson;
}

function bot(manifest: ManifestJson): Bot {
  assert.equal(manifest.bots.length, 1);
  return manifest.bots[0]!;
}

function commandsFor(manifest: ManifestJson, scope: string): Command[] {
  const lists = (bot(manifest).commandLists ?? []).filter((list) => list.scopes.includes(scope));
  assert.equal(lists.length, 1, `exactly one command list covers the ${scope} scope`);
  return lists[0]!.commands;
}

function validate(manifest: ManifestJson): Promise<string[]> {
  return AppManifestUtils.validateAgainstSchema(manifest as unknown as TeamsManifest);
}

function readPng(file: string): PNG {
  return PNG.sync.read(readFileSync(file));
}

/** pixel offsets (in pixels, not bytes) of every pixel that is visible and not pure white */
function nonWhiteVisiblePixels(png: PNG): number[] {
  const offenders: number[] = [];
  for (let i = 0; i < png.data.length; i += 4) {
    const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
    if (png.data[i + 3] !== 0 && !white) offenders.push(i / 4);
  }
  return offenders;
}

/** the newest vX.Y folder of Teams schemas that @microsoft/app-manifest ships */
function newestShippedSchemaVersion(): string {
  const schemasDir = path.join(
    path.dirname(require.resolve('@microsoft/app-manifest')),
    'json-schemas',
    'teams',
  );
  const versions = readdirSync(schemasDir)
    .map((dir) => /^v(\d+)\.(\d+)$/.exec(dir))
    .filter((m): m is RegExpExecArray => m !== null)
    .map((m) => [Number(m[1]), Number(m[2])] as const)
    .sort((a, b) => a[0] - b[0] || a[1] - b[1]);
  const newest = versions.at(-1);
  assert.ok(newest, 'the package ships Teams schemas');
  return `${newest[0]}.${newest[1]}`;
}

describe('Teams app package', () => {
  let sandbox: sinon.SinonSandbox;
  let tempDirs: string[];

  beforeEach(() => {
    sandbox = sinon.createSandbox();
    // Validation must never download a schema: any attempt fails the test.
    sandbox.stub(globalThis, 'fetch').rejects(new Error('tests run offline: no schema may be downloaded'));
    tempDirs = [];
  });

  afterEach(() => {
    sandbox.restore();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });

  function tempDir(): string {
    const dir = mkdtempSync(path.join(os.tmpdir(), 'peer-coach-app-package-'));
    tempDirs.push(dir);
    return dir;
  }

  /** an env dir holding env/.env.<name> with the given lines */
  function envDirWith(
    name: string,
    lines: Record<string, string>,
    userLines?: Record<string, string>,
  ): string {
    const dir = tempDir();
    const format = (values: Record<string, string>) =>
      Object.entries(values)
        .map(([key, value]) => `${key}=${value}\n`)
        .join('');
    writeFileSync(path.join(dir, `.env.${name}`), format(lines));
    if (userLines) writeFileSync(path.join(dir, `.env.${name}.user`), format(userLines));
    return dir;
  }

  /** a copy of appPackage/ whose manifest template has been changed by `edit` */
  function appPackageCopy(edit: (template: string) => string = (t) => t): string {
    const dir = tempDir();
    for (const file of ['manifest.json', 'color.png', 'outline.png', 'sv.json']) {
      cpSync(path.join(APP_PACKAGE_DIR, file), path.join(dir, file));
    }
    writeFileSync(path.join(dir, 'manifest.json'), edit(readTemplate()));
    return dir;
  }

  describe('manifest.json', () => {
    it('is on the newest Teams schema that @microsoft/app-manifest ships, at its official URL', () => {
      const manifest = sampleManifest();
      const version = newestShippedSchemaVersion();
      assert.equal(manifest.manifestVersion, version);
      assert.equal(
        manifest.$schema,
        `https://developer.microsoft.com/json-schemas/teams/v${version}/MicrosoftTeams.schema.json`,
      );
    });

    it('is valid against its schema, offline, once the placeholders are filled', async () => {
      assert.deepEqual(await validate(sampleManifest()), []);
    });

    it('has the schema validator report the errors in a deliberately broken copy', async () => {
      const broken = sampleManifest();
      delete broken.developer;
      bot(broken).botId = 'not-a-guid';
      broken.name.short = 'A short name that is far too long for Teams';

      const errors = await validate(broken);

      assert.ok(
        errors.some((e) => e.includes('developer')),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.startsWith('/bots/0/botId')),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.startsWith('/name/short')),
        errors.join('\n'),
      );
    });

    it('fills only the app id, the bot id and the name suffix from the environment', () => {
      const names = [...readTemplate().matchAll(/\$\{\{(\w+)\}\}/g)].map((m) => m[1]);
      assert.deepEqual([...new Set(names)].sort(), ['APP_NAME_SUFFIX', 'BOT_ID', 'TEAMS_APP_ID']);
      const manifest = sampleManifest();
      assert.equal(manifest.id, SAMPLE_ENV.TEAMS_APP_ID);
      assert.equal(bot(manifest).botId, SAMPLE_ENV.BOT_ID);
    });

    it('lists exactly the personal commands, in order', () => {
      assert.deepEqual(commandsFor(sampleManifest(), 'personal'), PERSONAL_COMMANDS);
    });

    it('offers only help in a team', () => {
      assert.deepEqual(commandsFor(sampleManifest(), 'team'), TEAM_COMMANDS);
    });

    it('keeps command titles within 32 characters and descriptions within 128', () => {
      for (const list of bot(sampleManifest()).commandLists ?? []) {
        for (const command of list.commands) {
          assert.ok(command.title.length <= 32, `title too long: ${command.title}`);
          assert.ok((command.description ?? '').length <= 128, `description too long: ${command.title}`);
        }
      }
    });

    it('is a conversational bot in personal and team scope that can send files (the CSV export)', () => {
      const theBot = bot(sampleManifest());
      assert.deepEqual([...theBot.scopes].sort(), ['personal', 'team']);
      // files: the coordinator's CSV export goes through Teams' file-consent flow
      assert.equal(theBot.supportsFiles, true);
      assert.equal(theBot.isNotificationOnly, false);
    });

    it('asks for identity and messageTeamMembers permissions only', () => {
      assert.deepEqual(sampleManifest().permissions, ['identity', 'messageTeamMembers']);
    });

    it('states the confidentiality promise in the short and the full description', () => {
      const { description } = sampleManifest();
      assert.match(description.short, CONFIDENTIALITY_PROMISE);
      assert.match(description.full, CONFIDENTIALITY_PROMISE);
    });
  });

  describe('sv.json, the Swedish localisation', () => {
    it('is named for sv-se in the manifest’s localizationInfo', () => {
      const manifest = sampleManifest() as ManifestJson & {
        localizationInfo: { defaultLanguageTag: string; additionalLanguages?: unknown[] };
      };
      assert.equal(manifest.localizationInfo.defaultLanguageTag, 'en-us');
      assert.deepEqual(manifest.localizationInfo.additionalLanguages, [
        { languageTag: 'sv-se', file: 'sv.json' },
      ]);
    });

    it('is on the same Teams schema version as the manifest, at the official Localization schema URL', () => {
      assert.equal(
        sampleSwedish().$schema,
        `https://developer.microsoft.com/json-schemas/teams/v${newestShippedSchemaVersion()}/MicrosoftTeams.Localization.schema.json`,
      );
    });

    it('is valid against the shipped Localization schema, offline, once the placeholders are filled', async () => {
      assert.deepEqual(await validateLocalization(sampleSwedish()), []);
    });

    it('has the schema validator report the errors in a deliberately broken copy', async () => {
      const broken: Record<string, unknown> = { ...sampleSwedish(), 'description.short': 'x'.repeat(81) };
      delete broken['description.full'];
      broken['bots[0].commandLists[0].commands[12].title'] = 'for många';

      const errors = await validateLocalization(broken);

      assert.ok(
        errors.some((e) => e.startsWith('/description.short')),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.includes('description.full')),
        errors.join('\n'),
      );
      assert.ok(
        errors.some((e) => e.includes('commands[12]')),
        errors.join('\n'),
      );
    });

    it('keeps the app’s name: the brand is not translated', () => {
      const manifest = sampleManifest();
      assert.equal(sampleSwedish()['name.short'], manifest.name.short.trim());
    });

    it('gives every command of the manifest a Swedish title and description, within Teams’ limits', () => {
      const swedish = sampleSwedish();
      for (const [i, list] of (bot(sampleManifest()).commandLists ?? []).entries()) {
        for (const [j, command] of list.commands.entries()) {
          const key = `bots[0].commandLists[${i}].commands[${j}]`;
          const title = swedish[`${key}.title`];
          const description = swedish[`${key}.description`];
          assert.ok(title, `${command.title} has no Swedish title`);
          assert.ok(description, `${command.title} has no Swedish description`);
          assert.ok(title.length <= 32, `Swedish title too long: ${title}`);
          assert.ok(description.length <= 128, `Swedish description too long: ${title}`);
          assert.notEqual(
            description,
            command.description,
            `${command.title}: the description is not translated`,
          );
        }
      }
    });

    it('titles each command with the Swedish word the bot takes for the same command', () => {
      const swedish = sampleSwedish();
      for (const [i, list] of (bot(sampleManifest()).commandLists ?? []).entries()) {
        for (const [j, command] of list.commands.entries()) {
          const title = swedish[`bots[0].commandLists[${i}].commands[${j}].title`]!;
          const english = parseCommand(command.title);
          assert.ok(english, `${command.title} is not a command`);
          assert.equal(parseCommand(title), english, `"${title}" is not understood as ${command.title}`);
          assert.notEqual(title, command.title, `${command.title}: the title is not Swedish`);
        }
      }
    });

    it('states the confidentiality promise in the short and the full description', () => {
      const swedish = sampleSwedish();
      assert.match(swedish['description.short']!, CONFIDENTIALITY_PROMISE_SV);
      assert.match(swedish['description.full']!, CONFIDENTIALITY_PROMISE_SV);
    });

    it('translates only strings the manifest has', () => {
      const manifest = sampleManifest();
      const at = (key: string): unknown =>
        [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].reduce<unknown>(
          (node, [, name, index]) => (node as Record<string, unknown> | undefined)?.[name ?? Number(index)],
          manifest,
        );
      for (const key of Object.keys(sampleSwedish()).filter((k) => k !== '$schema')) {
        assert.equal(typeof at(key), 'string', `${key} names nothing in manifest.json`);
      }
    });
  });

  describe('icons', () => {
    it('has a 192×192 opaque colour icon', () => {
      const png = readPng(path.join(APP_PACKAGE_DIR, 'color.png'));
      assert.equal(png.width, 192);
      assert.equal(png.height, 192);
      for (let i = 3; i < png.data.length; i += 4) assert.equal(png.data[i], 255, 'every pixel is opaque');
    });

    it('has a 32×32 outline icon that is white on transparent', () => {
      const png = readPng(path.join(APP_PACKAGE_DIR, 'outline.png'));
      assert.equal(png.width, 32);
      assert.equal(png.height, 32);
      assert.deepEqual(nonWhiteVisiblePixels(png), []);
      const visible = png.data.filter((_v, i) => i % 4 === 3 && png.data[i] !== 0).length;
      assert.ok(visible > 32, 'the outline draws something');
    });

    it('commits the icons that scripts/make-icons.ts draws', () => {
      const drawn = { 'color.png': drawColorIcon(), 'outline.png': drawOutlineIcon() };
      for (const [file, png] of Object.entries(drawn)) {
        const committed = readPng(path.join(APP_PACKAGE_DIR, file));
        assert.ok(committed.data.equals(png.data), `${file} is out of date: run npm run icons`);
      }
    });
  });

  describe('buildPackage', () => {
    it('writes appPackage.<env>.zip with the filled manifest, both icons and sv.json at the root', async () => {
      const outDir = tempDir();
      const envDir = envDirWith('ci', SAMPLE_ENV);

      const { zipPath } = await buildPackage({ envName: 'ci', envDir, outDir, processEnv: {} });

      assert.equal(zipPath, path.join(outDir, 'appPackage.ci.zip'));
      const zip = await JSZip.loadAsync(readFileSync(zipPath));
      assert.deepEqual(Object.keys(zip.files).sort(), [
        'color.png',
        'manifest.json',
        'outline.png',
        'sv.json',
      ]);
      const text = await zip.file('manifest.json')!.async('string');
      assert.ok(!text.includes('${{'), 'no placeholder is left');
      const manifest = JSON.parse(text) as ManifestJson;
      assert.equal(manifest.id, SAMPLE_ENV.TEAMS_APP_ID);
      assert.equal(bot(manifest).botId, SAMPLE_ENV.BOT_ID);
      assert.equal(manifest.name.short, 'Peer Coach test');
      assert.deepEqual(await validate(manifest), []);
      const outline = await zip.file('outline.png')!.async('nodebuffer');
      assert.ok(outline.equals(readFileSync(path.join(APP_PACKAGE_DIR, 'outline.png'))));
    });

    it('packages the committed local env by default', async () => {
      const outDir = tempDir();

      const { zipPath, manifest } = await buildPackage({ outDir, processEnv: {} });

      assert.equal(path.basename(zipPath), 'appPackage.local.zip');
      assert.match(String(manifest.id), /^[0-9a-f-]{36}$/i);
    });

    it('lets env/.env.<name>.user override env/.env.<name>', async () => {
      const envDir = envDirWith('ci', SAMPLE_ENV, { APP_NAME_SUFFIX: 'mine' });

      const { manifest } = await buildPackage({ envName: 'ci', envDir, outDir: tempDir(), processEnv: {} });

      assert.equal((manifest as unknown as ManifestJson).name.short, 'Peer Coach mine');
    });

    it('trims the short name when the suffix is empty, as in production', async () => {
      const envDir = envDirWith('prod', { ...SAMPLE_ENV, APP_NAME_SUFFIX: '' });

      const { manifest } = await buildPackage({ envName: 'prod', envDir, outDir: tempDir(), processEnv: {} });

      assert.equal((manifest as unknown as ManifestJson).name.short, 'Peer Coach');
    });

    it('fails naming every placeholder that has no value', async () => {
      const envDir = envDirWith('ci', { TEAMS_APP_ID: SAMPLE_ENV.TEAMS_APP_ID });

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, outDir: tempDir(), processEnv: {} }),
        (e) => {
          assert.ok(e instanceof PackageError);
          assert.equal(e.code, 'PKG003');
          assert.match(e.message, /\$\{\{APP_NAME_SUFFIX\}\}, \$\{\{BOT_ID\}\}/);
          return true;
        },
      );
    });

    it('fails when the env file does not exist', async () => {
      await assert.rejects(
        buildPackage({ envName: 'nowhere', envDir: tempDir(), outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG002' && e.message.includes('.env.nowhere'),
      );
    });

    it('refuses an env name that could reach outside env/', async () => {
      await assert.rejects(
        buildPackage({ envName: '../secrets', outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG001',
      );
    });

    it('refuses to put a SECRET_ value in the manifest', async () => {
      const appPackageDir = appPackageCopy((t) => t.replace('"Peer Coach"', '"${{SECRET_BOT_PASSWORD}}"'));
      const envDir = envDirWith('ci', { ...SAMPLE_ENV, SECRET_BOT_PASSWORD: 'hunter2' });

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG004' && !e.message.includes('hunter2'),
      );
    });

    it('fails with the schema errors when the filled manifest is invalid', async () => {
      const appPackageDir = appPackageCopy((t) => t.replace('"version": "0.1.0",', '"version": 1,'));
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) =>
          e instanceof PackageError && e.code === 'PKG006' && e.details.some((d) => d.startsWith('/version')),
      );
    });

    it('refuses a $schema the package does not ship rather than downloading it', async () => {
      const appPackageDir = appPackageCopy((t) =>
        t.replace(/"\$schema": "[^"]*"/, '"$schema": "https://example.org/MicrosoftTeams.schema.json"'),
      );
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG005',
      );
      sinon.assert.notCalled(globalThis.fetch as sinon.SinonStub);
    });

    it('refuses an outline icon with a pixel that is not white', async () => {
      const appPackageDir = appPackageCopy();
      const outline = readPng(path.join(appPackageDir, 'outline.png'));
      outline.data.set([255, 0, 0, 255], 0);
      writeFileSync(path.join(appPackageDir, 'outline.png'), PNG.sync.write(outline));
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG007',
      );
    });

    it('packages sv.json filled, trimmed and valid, beside the manifest', async () => {
      const envDir = envDirWith('prod', { ...SAMPLE_ENV, APP_NAME_SUFFIX: '' });

      const { zipPath, localizations } = await buildPackage({
        envName: 'prod',
        envDir,
        outDir: tempDir(),
        processEnv: {},
      });

      const zip = await JSZip.loadAsync(readFileSync(zipPath));
      const text = await zip.file('sv.json')!.async('string');
      assert.ok(!text.includes('${{'), 'no placeholder is left');
      const swedish = JSON.parse(text) as Record<string, string>;
      assert.deepEqual(swedish, localizations['sv.json']);
      assert.equal(swedish['name.short'], 'Peer Coach');
      assert.equal(swedish['bots[0].commandLists[0].commands[0].title'], 'hjälp');
      assert.deepEqual(await validateLocalization(swedish), []);
    });

    it('fails when a localisation file the manifest names is missing', async () => {
      const appPackageDir = appPackageCopy();
      rmSync(path.join(appPackageDir, 'sv.json'));
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG008' && e.message.includes('sv.json'),
      );
    });

    it('refuses a localisation file outside the app package folder', async () => {
      const appPackageDir = appPackageCopy((t) => t.replace('"file": "sv.json"', '"file": "../sv.json"'));
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG008',
      );
    });

    it('fails with the schema errors when a localisation file is invalid', async () => {
      const appPackageDir = appPackageCopy();
      const file = path.join(appPackageDir, 'sv.json');
      const swedish = JSON.parse(readFileSync(file, 'utf8')) as Record<string, string>;
      swedish['description.short'] = 'x'.repeat(81);
      swedish['bots[0].commandLists[5].commands[0].title'] = 'ingenstans';
      writeFileSync(file, JSON.stringify(swedish));
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) =>
          e instanceof PackageError &&
          e.code === 'PKG009' &&
          e.details.some((d) => d.startsWith('/description.short')) &&
          e.details.some((d) => d.includes('commandLists[5]')),
      );
    });

    it('refuses a localisation file whose $schema is not the shipped Localization schema, without downloading', async () => {
      const envDir = envDirWith('ci', SAMPLE_ENV);
      for (const [schema, code] of [
        ['https://example.org/MicrosoftTeams.Localization.schema.json', 'PKG005'],
        ['https://developer.microsoft.com/json-schemas/teams/v1.30/MicrosoftTeams.schema.json', 'PKG009'],
      ] as const) {
        const appPackageDir = appPackageCopy();
        const file = path.join(appPackageDir, 'sv.json');
        writeFileSync(
          file,
          readFileSync(file, 'utf8').replace(/"\$schema": "[^"]*"/, `"$schema": "${schema}"`),
        );

        await assert.rejects(
          buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
          (e) => e instanceof PackageError && e.code === code,
          schema,
        );
      }
      sinon.assert.notCalled(globalThis.fetch as sinon.SinonStub);
    });

    it('refuses a colour icon of the wrong size', async () => {
      const appPackageDir = appPackageCopy();
      writeFileSync(
        path.join(appPackageDir, 'color.png'),
        PNG.sync.write(new PNG({ width: 96, height: 96 })),
      );
      const envDir = envDirWith('ci', SAMPLE_ENV);

      await assert.rejects(
        buildPackage({ envName: 'ci', envDir, appPackageDir, outDir: tempDir(), processEnv: {} }),
        (e) => e instanceof PackageError && e.code === 'PKG007' && e.message.includes('96×96'),
      );
    });
  });
});
