/**
 * Builds the Teams app package: fills the `${{VAR}}` placeholders in appPackage/manifest.json and in
 * every localisation file it names (appPackage/sv.json) from env/.env.<name> (and
 * env/.env.<name>.user), validates each offline against its own schema, and writes
 * appPackage/build/appPackage.<name>.zip.
 *
 *   npm run package                 # env "local"
 *   npm run package -- --env dev    # env/.env.dev
 */
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { parseArgs, parseEnv } from 'node:util';
import { AppManifestUtils, type TeamsManifest } from '@microsoft/app-manifest';
import JSZip from 'jszip';
import { PNG } from 'pngjs';

const PROJECT_ROOT = path.resolve(__dirname, '..');

/** where manifest.json and its icons live */
export const APP_PACKAGE_DIR = path.join(PROJECT_ROOT, 'appPackage');
/** where env/.env.<name> files live */
export const ENV_DIR = path.join(PROJECT_ROOT, 'env');
/** where packages are written unless told otherwise */
export const BUILD_DIR = path.join(APP_PACKAGE_DIR, 'build');

const SCHEMA_URL_PREFIX = 'https://developer.microsoft.com/';
const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;
const ENV_NAME = /^[A-Za-z0-9][A-Za-z0-9_-]*$/;
const ICON_SIZES = { color: 192, outline: 32 } as const;
const LOCALIZATION_SCHEMA_FILE = 'MicrosoftTeams.Localization.schema.json';
// Fixed so that the same inputs give a byte-identical zip.
const ZIP_ENTRY_DATE = new Date('2000-01-01T00:00:00Z');

const ERRORS = {
  InvalidEnvName: { code: 'PKG001', description: 'The env name may hold only letters, digits, "-" and "_".' },
  EnvFileMissing: { code: 'PKG002', description: 'Create the env file or pass --env with an existing name.' },
  PlaceholderWithoutValue: {
    code: 'PKG003',
    description: 'Give each of these a value in env/.env.<name> or env/.env.<name>.user.',
  },
  SecretInManifest: {
    code: 'PKG004',
    description: 'The manifest is readable by every user who installs the app; keep secrets out of it.',
  },
  SchemaNotShipped: {
    code: 'PKG005',
    description:
      'Point $schema at an official https://developer.microsoft.com/json-schemas/teams/v1.xx/ URL that @microsoft/app-manifest ships (MicrosoftTeams.schema.json for the manifest, MicrosoftTeams.Localization.schema.json for a localisation file), so validation stays offline.',
  },
  ManifestInvalid: { code: 'PKG006', description: 'Fix the manifest so that it matches its schema.' },
  IconInvalid: {
    code: 'PKG007',
    description: 'Redraw the icons with `npm run icons`: color 192×192, outline 32×32 white on transparent.',
  },
  LocalizationMissing: {
    code: 'PKG008',
    description:
      'Put every file that localizationInfo names in appPackage/ beside manifest.json, or take it out of localizationInfo.',
  },
  LocalizationInvalid: {
    code: 'PKG009',
    description:
      'Fix the localisation file so that it matches the Teams localisation schema and translates only strings the manifest has.',
  },
} as const;

/** a packaging failure with a stable code and a sentence that says what to do */
export class PackageError extends Error {
  /** the catalogue code, e.g. PKG003 */
  readonly code: string;
  /** the specific problems found, one a line, if there are several */
  readonly details: readonly string[];

  constructor(kind: keyof typeof ERRORS, summary: string, details: readonly string[] = []) {
    const { code, description } = ERRORS[kind];
    super([`${code}: ${summary} ${description}`, ...details.map((d) => `  - ${d}`)].join('\n'));
    this.name = 'PackageError';
    this.code = code;
    this.details = details;
  }
}

export interface BuildPackageOptions {
  /** which env/.env.<name> to read; "local" by default */
  envName?: string;
  /** where the zip goes; appPackage/build by default */
  outDir?: string;
  /** where manifest.json and the icons are read from; appPackage by default */
  appPackageDir?: string;
  /** where the env files are read from; env by default */
  envDir?: string;
  /** variables that override the env files, as process.loadEnvFile would leave them; process.env by default */
  processEnv?: NodeJS.ProcessEnv;
}

export interface BuiltPackage {
  /** absolute path of the zip written */
  zipPath: string;
  /** the manifest as packaged, placeholders filled */
  manifest: TeamsManifest;
  /** each localisation file as packaged, placeholders filled, by its path in the zip (e.g. sv.json) */
  localizations: Record<string, Record<string, unknown>>;
}

/**
 * Reads env/.env.<name> and then env/.env.<name>.user, the latter winning.
 *
 * Parsed with util.parseEnv rather than loaded with process.loadEnvFile (same file format, same
 * Node version): loading would copy the values into process.env of whoever imports this, and the
 * test process must not start seeing BOT_ID and friends.
 */
export function readEnvFiles(envName: string, envDir: string = ENV_DIR): Record<string, string> {
  if (!ENV_NAME.test(envName)) {
    throw new PackageError('InvalidEnvName', `"${envName}" is not a valid env name.`);
  }
  const envFile = path.join(envDir, `.env.${envName}`);
  if (!existsSync(envFile)) {
    throw new PackageError('EnvFileMissing', `${envFile} does not exist.`);
  }
  const values: Record<string, string> = {};
  for (const file of [envFile, `${envFile}.user`]) {
    if (!existsSync(file)) continue;
    for (const [key, value] of Object.entries(parseEnv(readFileSync(file, 'utf8')))) {
      if (value !== undefined) values[key] = value;
    }
  }
  return values;
}

/**
 * Replaces every `${{NAME}}` in the manifest text by its value, JSON-escaped (placeholders sit
 * inside JSON strings). An empty value is a value: APP_NAME_SUFFIX is empty in production.
 */
export function fillPlaceholders(text: string, values: Readonly<Record<string, string | undefined>>): string {
  const names = [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
  const secrets = names.filter((name) => name.startsWith('SECRET_'));
  if (secrets.length > 0) {
    throw new PackageError('SecretInManifest', `The manifest refers to ${secrets.join(', ')}.`);
  }
  const missing = names.filter((name) => values[name] === undefined);
  if (missing.length > 0) {
    throw new PackageError(
      'PlaceholderWithoutValue',
      `No value for ${missing.map((n) => `\${{${n}}}`).join(', ')}.`,
    );
  }
  const filled = text.replace(PLACEHOLDER, (_match, name: string) =>
    JSON.stringify(values[name]).slice(1, -1),
  );
  const malformed = filled.match(/\$\{\{[^}]*\}?\}?/g);
  if (malformed) {
    throw new PackageError('PlaceholderWithoutValue', 'Malformed placeholders remain.', malformed);
  }
  return filled;
}

/**
 * The schema file that @microsoft/app-manifest ships for an official schema URL. Given to the
 * validator explicitly: left to itself it downloads any schema it does not find on disk.
 */
export function shippedSchemaPath(schemaUrl: unknown): string {
  const packageRoot = path.dirname(require.resolve('@microsoft/app-manifest'));
  const relative =
    typeof schemaUrl === 'string' && schemaUrl.startsWith(`${SCHEMA_URL_PREFIX}json-schemas/teams/`)
      ? schemaUrl.slice(SCHEMA_URL_PREFIX.length)
      : undefined;
  const file = relative && path.resolve(packageRoot, relative);
  if (!file || !file.startsWith(packageRoot + path.sep) || !existsSync(file)) {
    throw new PackageError('SchemaNotShipped', `$schema is ${JSON.stringify(schemaUrl)}.`);
  }
  return file;
}

/** schema errors for a Teams manifest, validated offline; empty when it is valid */
export async function validateManifest(manifest: TeamsManifest): Promise<string[]> {
  type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
  const schema = JSON.parse(readFileSync(shippedSchemaPath(manifest.$schema), 'utf8')) as Schema;
  return AppManifestUtils.validateAgainstSchema(manifest, schema);
}

/** the localisation files a manifest names: the default language's, if it has one, and each additional one */
export function localizationFiles(manifest: TeamsManifest): string[] {
  const info = (manifest as { localizationInfo?: unknown }).localizationInfo as
    { defaultLanguageFile?: unknown; additionalLanguages?: { file?: unknown }[] } | undefined;
  const files = [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)];
  return files.filter((f): f is string => typeof f === 'string');
}

/**
 * Schema errors for a localisation file, validated offline against the Localization schema that
 * @microsoft/app-manifest ships for its `$schema`; empty when it is valid.
 */
export async function validateLocalization(strings: Readonly<Record<string, unknown>>): Promise<string[]> {
  type Schema = NonNullable<Parameters<typeof AppManifestUtils.validateAgainstSchema>[1]>;
  const schemaFile = shippedSchemaPath(strings.$schema);
  if (path.basename(schemaFile) !== LOCALIZATION_SCHEMA_FILE) {
    return [
      `/$schema is not a localisation schema (${LOCALIZATION_SCHEMA_FILE}): ${String(strings.$schema)}`,
    ];
  }
  const schema = unicodeSafePatterns(JSON.parse(readFileSync(schemaFile, 'utf8'))) as Schema;
  return AppManifestUtils.validateAgainstSchema(strings as unknown as TeamsManifest, schema);
}

/**
 * The shipped Localization schema has patterns with a lone `]` (`activities.activityTypes[\b…\b]`)
 * that Ajv refuses to compile, as it builds every pattern with the `u` flag. Without that flag a lone
 * `]` is a literal `]`, which is what the schema means, so escaping it keeps each pattern's meaning.
 * Patterns that already compile are left as they are.
 */
function unicodeSafePatterns(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(unicodeSafePatterns);
  if (!node || typeof node !== 'object') return node;
  return Object.fromEntries(
    Object.entries(node as Record<string, unknown>).map(([key, value]) => {
      if (key === 'pattern' && typeof value === 'string') return [key, unicodeSafe(value)];
      if (key === 'patternProperties' && value && typeof value === 'object') {
        const entries = Object.entries(value as Record<string, unknown>);
        return [key, Object.fromEntries(entries.map(([p, v]) => [unicodeSafe(p), unicodeSafePatterns(v)]))];
      }
      return [key, unicodeSafePatterns(value)];
    }),
  );
}

/** the pattern with each `]` outside a character class escaped, if it does not compile with `u` as it is */
function unicodeSafe(pattern: string): string {
  try {
    new RegExp(pattern, 'u');
    return pattern;
  } catch {
    let out = '';
    let inClass = false;
    for (let i = 0; i < pattern.length; i++) {
      const c = pattern[i]!;
      if (c === '\\') {
        out += c + (pattern[++i] ?? '');
        continue;
      }
      if (c === '[') inClass = true;
      else if (c === ']' && inClass) inClass = false;
      else if (c === ']') {
        out += '\\]';
        continue;
      }
      out += c;
    }
    return out;
  }
}

/**
 * The keys of a localisation file that name no string in the manifest: `bots[0].commandLists[0]
 * .commands[12].title` when there are twelve commands, or a typo. Teams would show such a string
 * nowhere, so it is a mistake worth stopping for.
 */
export function unmatchedKeys(strings: Readonly<Record<string, unknown>>, manifest: TeamsManifest): string[] {
  const at = (key: string): unknown =>
    [...key.matchAll(/([^.[\]]+)|\[(\d+)\]/g)].reduce<unknown>((node, [, name, index]) => {
      if (!node || typeof node !== 'object') return undefined;
      return (node as Record<string, unknown>)[name ?? Number(index)];
    }, manifest);
  return Object.keys(strings).filter(
    (key) => key !== '$schema' && key !== 'localizationKeys' && typeof at(key) !== 'string',
  );
}

/**
 * Reads, fills and checks one localisation file the manifest names. Its path must stay inside the
 * app package folder, as Teams reads it from the zip.
 */
function localization(
  appPackageDir: string,
  file: string,
  values: Readonly<Record<string, string | undefined>>,
): { zipPath: string; strings: Record<string, unknown> } {
  const root = path.resolve(appPackageDir);
  const full = path.resolve(root, file);
  if (path.isAbsolute(file) || !full.startsWith(root + path.sep) || !existsSync(full)) {
    throw new PackageError(
      'LocalizationMissing',
      `localizationInfo names ${JSON.stringify(file)}, not found.`,
    );
  }
  let strings: Record<string, unknown>;
  try {
    strings = JSON.parse(fillPlaceholders(readFileSync(full, 'utf8'), values)) as Record<string, unknown>;
  } catch (error) {
    if (error instanceof PackageError) throw error;
    throw new PackageError('LocalizationInvalid', `${file} is not JSON.`, [String((error as Error).message)]);
  }
  // "Peer Coach ${{APP_NAME_SUFFIX}}" leaves a trailing space where the suffix is empty, as in the manifest.
  if (typeof strings['name.short'] === 'string') strings['name.short'] = strings['name.short'].trim();
  return { zipPath: path.relative(root, full).split(path.sep).join('/'), strings };
}

/** problems with the icon files Teams would reject the package for; empty when there are none */
export function iconProblems(appPackageDir: string, icons: { color: string; outline: string }): string[] {
  const problems: string[] = [];
  for (const kind of ['color', 'outline'] as const) {
    const file = path.join(appPackageDir, icons[kind]);
    if (!existsSync(file)) {
      problems.push(`${icons[kind]} does not exist`);
      continue;
    }
    const png = PNG.sync.read(readFileSync(file));
    const size = ICON_SIZES[kind];
    if (png.width !== size || png.height !== size) {
      problems.push(`${icons[kind]} is ${png.width}×${png.height}, not ${size}×${size}`);
    }
    if (kind === 'outline') {
      for (let i = 0; i < png.data.length; i += 4) {
        const white = png.data[i] === 255 && png.data[i + 1] === 255 && png.data[i + 2] === 255;
        if (png.data[i + 3] !== 0 && !white) {
          problems.push(`${icons[kind]} has a visible pixel that is not white at offset ${i / 4}`);
          break;
        }
      }
    }
  }
  return problems;
}

/** builds appPackage.<envName>.zip with manifest.json, its two icons and its localisation files */
export async function buildPackage(options: BuildPackageOptions = {}): Promise<BuiltPackage> {
  const envName = options.envName ?? 'local';
  const appPackageDir = options.appPackageDir ?? APP_PACKAGE_DIR;
  const outDir = options.outDir ?? BUILD_DIR;
  const values = { ...readEnvFiles(envName, options.envDir), ...(options.processEnv ?? process.env) };

  const template = readFileSync(path.join(appPackageDir, 'manifest.json'), 'utf8');
  const manifest = JSON.parse(fillPlaceholders(template, values)) as TeamsManifest & {
    name?: { short?: string };
    icons?: { color: string; outline: string };
  };
  // "Peer Coach ${{APP_NAME_SUFFIX}}" leaves a trailing space where the suffix is empty.
  if (typeof manifest.name?.short === 'string') manifest.name.short = manifest.name.short.trim();

  const errors = await validateManifest(manifest);
  if (errors.length > 0) {
    throw new PackageError('ManifestInvalid', `manifest.json for env "${envName}" is invalid.`, errors);
  }
  if (!manifest.icons) {
    throw new PackageError('ManifestInvalid', 'manifest.json names no icons.');
  }
  const problems = iconProblems(appPackageDir, manifest.icons);
  if (problems.length > 0) {
    throw new PackageError('IconInvalid', 'The icons would be rejected by Teams.', problems);
  }

  const localizations: Record<string, Record<string, unknown>> = {};
  for (const file of localizationFiles(manifest)) {
    const { zipPath, strings } = localization(appPackageDir, file, values);
    const problems = [
      ...(await validateLocalization(strings)),
      ...unmatchedKeys(strings, manifest).map((key) => `/${key} names no string in manifest.json`),
    ];
    if (problems.length > 0) {
      throw new PackageError('LocalizationInvalid', `${file} for env "${envName}" is invalid.`, problems);
    }
    localizations[zipPath] = strings;
  }

  const zip = new JSZip();
  const entry = { date: ZIP_ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, entry);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(path.join(appPackageDir, icon)), entry);
  }
  for (const [file, strings] of Object.entries(localizations)) {
    zip.file(file, `${JSON.stringify(strings, null, 2)}\n`, entry);
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  mkdirSync(outDir, { recursive: true });
  const zipPath = path.resolve(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, bytes);
  return { zipPath, manifest, localizations };
}

async function main(argv: string[]): Promise<void> {
  const { values } = parseArgs({
    args: argv,
    options: { env: { type: 'string', default: 'local' }, out: { type: 'string' } },
  });
  const { zipPath, manifest } = await buildPackage({ envName: values.env, outDir: values.out });
  console.log(`wrote ${path.relative(process.cwd(), zipPath)} (app id ${String(manifest.id)})`);
}

if (require.main === module) {
  main(process.argv.slice(2)).catch((error: unknown) => {
    console.error(error instanceof Error ? error.message : error);
    process.exitCode = 1;
  });
}
