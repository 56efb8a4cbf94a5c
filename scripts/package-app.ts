/**
 * Builds the Teams app package: fills the `${{VAR}}` placeholders in appPackage/manifest.json from
 * env/.env.<name> (and env/.env.<name>.user), validates the result offline against the manifest's
 * own schema, and writes appPackage/build/appPackage.<name>.zip.
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
      'Point $schema at an official https://developer.microsoft.com/json-schemas/teams/v1.xx/MicrosoftTeams.schema.json URL that @microsoft/app-manifest ships, so validation stays offline.',
  },
  ManifestInvalid: { code: 'PKG006', description: 'Fix the manifest so that it matches its schema.' },
  IconInvalid: {
    code: 'PKG007',
    description: 'Redraw the icons with `npm run icons`: color 192×192, outline 32×32 white on transparent.',
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

/** builds appPackage.<envName>.zip with manifest.json and its two icons at the root */
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

  const zip = new JSZip();
  const entry = { date: ZIP_ENTRY_DATE, createFolders: false };
  zip.file('manifest.json', `${JSON.stringify(manifest, null, 2)}\n`, entry);
  for (const icon of [manifest.icons.color, manifest.icons.outline]) {
    zip.file(icon, readFileSync(path.join(appPackageDir, icon)), entry);
  }
  const bytes = await zip.generateAsync({ type: 'nodebuffer', compression: 'DEFLATE' });

  mkdirSync(outDir, { recursive: true });
  const zipPath = path.resolve(outDir, `appPackage.${envName}.zip`);
  writeFileSync(zipPath, bytes);
  return { zipPath, manifest };
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
