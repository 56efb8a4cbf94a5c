/**
 * Consistency checks between the deployment files (infra/main.bicep, its parameters, m365agents.yml,
 * env/.env.dev, .webappignore, Dockerfile, .dockerignore) and the code they deploy, and the Node.js
 * they run on package.json's engines. No Bicep compiler
 * or YAML parser is needed: the files are written in a regular shape and read with regular
 * expressions; anything outside that shape is reported rather than guessed at.
 *
 * Each check takes file contents and returns a list of problems (empty: consistent), so a test can
 * also hand it a broken copy and see it complain.
 */
import assert from 'node:assert/strict';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { parseEnv } from 'node:util';

/** the repository root */
export const ROOT = path.resolve(__dirname, '..', '..');

export function readRepoFile(relative: string): string {
  return readFileSync(path.join(ROOT, relative), 'utf8');
}

/** `text` with `from` replaced by `to`; fails if `from` is not there, so a broken fixture cannot pass */
export function mutate(text: string, from: string | RegExp, to: string): string {
  const changed = text.replace(from, to);
  assert.notEqual(changed, text, `fixture: ${String(from)} not found`);
  return changed;
}

export function readEnv(text: string): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of Object.entries(parseEnv(text))) {
    if (value !== undefined) values[key] = value;
  }
  return values;
}

const PLACEHOLDER = /\$\{\{\s*([A-Za-z_][A-Za-z0-9_]*)\s*\}\}/g;

export function placeholders(text: string): string[] {
  return [...new Set([...text.matchAll(PLACEHOLDER)].map((m) => m[1]!))];
}

// ---------------------------------------------------------------------------------------------
// Bicep

export interface BicepResource {
  readonly symbol: string;
  readonly type: string;
  readonly apiVersion: string;
  /** the `if (…)` condition's source, if the resource has one */
  readonly condition?: string;
  /** the loop variable and array of a `[for x in xs: …]` resource */
  readonly loop?: { readonly item: string; readonly array: string };
  /** the text between the resource's outer braces */
  readonly body: string;
}

/** the text from `open` (an opening bracket) to its matching closing bracket, both excluded */
export function enclosed(text: string, open: number): string {
  const opening = text[open]!;
  const closing = opening === '{' ? '}' : ']';
  let depth = 0;
  for (let i = open; i < text.length; i++) {
    if (text[i] === opening) depth++;
    else if (text[i] === closing && --depth === 0) return text.slice(open + 1, i);
  }
  throw new Error(`unbalanced ${opening} at offset ${open}`);
}

/** Bicep text without whole-line comments (a `//` inside a string such as 'https://…' stays) */
export function withoutComments(bicep: string): string {
  return bicep
    .split('\n')
    .filter((line) => !/^\s*\/\//.test(line))
    .join('\n');
}

export function bicepResources(bicep: string): BicepResource[] {
  const text = withoutComments(bicep);
  const declaration =
    /^resource (\w+) '([^'@]+)@([^']+)' = (?:\[for (\w+) in (\w+): )?(?:if \(([^\n]*)\) )?\{/gm;
  return [...text.matchAll(declaration)].map((m) => ({
    symbol: m[1]!,
    type: m[2]!,
    apiVersion: m[3]!,
    ...(m[6] === undefined ? {} : { condition: m[6] }),
    ...(m[4] === undefined ? {} : { loop: { item: m[4], array: m[5]! } }),
    body: enclosed(text, m.index + m[0].length - 1),
  }));
}

export interface BicepParam {
  readonly type: string;
  /** the default's source text, if it has one */
  readonly defaultSource?: string;
}

export function bicepParams(bicep: string): Record<string, BicepParam> {
  const params: Record<string, BicepParam> = {};
  for (const m of withoutComments(bicep).matchAll(/^param (\w+) (\w+)(?: = (.+))?$/gm)) {
    params[m[1]!] = { type: m[2]!, ...(m[3] === undefined ? {} : { defaultSource: m[3].trim() }) };
  }
  return params;
}

export function bicepVariables(bicep: string): Record<string, string> {
  const vars: Record<string, string> = {};
  for (const m of withoutComments(bicep).matchAll(/^var (\w+) = (.+)$/gm)) vars[m[1]!] = m[2]!.trim();
  return vars;
}

export function bicepOutputs(bicep: string): string[] {
  return [...withoutComments(bicep).matchAll(/^output (\w+) \w+ = /gm)].map((m) => m[1]!);
}

/** a Bicep single-quoted string literal without interpolation, as its value; undefined otherwise */
export function bicepStringLiteral(source: string): string | undefined {
  const m = /^'((?:[^'\\$]|\\.|\$(?!\{))*)'$/.exec(source.trim());
  return m ? m[1]!.replace(/\\(.)/g, '$1') : undefined;
}

export interface AppSetting {
  readonly name: string;
  /** the value's Bicep expression, as written */
  readonly expression: string;
}

/** the web app's `appSettings: [ { name: '…' value: … } … ]`, in order */
export function appSettings(bicep: string): AppSetting[] {
  const text = withoutComments(bicep);
  const start = text.indexOf('appSettings: [');
  if (start < 0) return [];
  const block = enclosed(text, text.indexOf('[', start));
  return [...block.matchAll(/\{\s*name: '([^']+)'\s*\n\s*value: ([^\n]+?)\s*\n\s*\}/g)].map((m) => ({
    name: m[1]!,
    expression: m[2]!,
  }));
}

export interface ContainerSpecLike {
  readonly id: string;
  readonly partitionKey: string;
  readonly defaultTtl?: number;
}

const CONTAINER_TYPE = 'Microsoft.DocumentDB/databaseAccounts/sqlDatabases/containers';

/** the Bicep declares exactly the containers of `specs`, each with its partition key and TTL */
export function containerProblems(
  bicep: string,
  specs: Readonly<Record<string, ContainerSpecLike>>,
): string[] {
  const problems: string[] = [];
  const declared = new Map<string, { partitionKeys: string[]; defaultTtl?: number }>();
  for (const r of bicepResources(bicep).filter((r) => r.type === CONTAINER_TYPE)) {
    const id = /^\s*id: '([^']+)'/m.exec(r.body)?.[1];
    const name = /^\s*name: '([^']+)'/m.exec(r.body)?.[1];
    if (!id || id !== name) {
      problems.push(`container ${r.symbol}: name and resource id must be the same literal (${name} / ${id})`);
      continue;
    }
    const paths = /paths: \[([^\]]*)\]/.exec(r.body)?.[1] ?? '';
    const ttl = /^\s*defaultTtl: (-?\d+)$/m.exec(r.body)?.[1];
    declared.set(id, {
      partitionKeys: [...paths.matchAll(/'([^']+)'/g)].map((m) => m[1]!),
      ...(ttl === undefined ? {} : { defaultTtl: Number(ttl) }),
    });
  }
  for (const spec of Object.values(specs)) {
    const found = declared.get(spec.id);
    if (!found) {
      problems.push(`container "${spec.id}" is in src/store/containers.ts but not in the Bicep`);
      continue;
    }
    if (found.partitionKeys.length !== 1 || found.partitionKeys[0] !== spec.partitionKey) {
      problems.push(
        `container "${spec.id}": partition key ${JSON.stringify(found.partitionKeys)} in the Bicep, "${spec.partitionKey}" in the code`,
      );
    }
    if (found.defaultTtl !== spec.defaultTtl) {
      problems.push(
        `container "${spec.id}": defaultTtl ${found.defaultTtl ?? 'unset'} in the Bicep, ${spec.defaultTtl ?? 'unset'} in the code`,
      );
    }
  }
  const known = new Set(Object.values(specs).map((s) => s.id));
  for (const id of declared.keys()) {
    if (!known.has(id)) problems.push(`container "${id}" is in the Bicep but not in src/store/containers.ts`);
  }
  return problems;
}

/** Cosmos DB: serverless, session consistency, no keys, and the identity holds the data role */
export function cosmosProblems(bicep: string): string[] {
  const problems: string[] = [];
  const resources = bicepResources(bicep);
  const account = resources.find((r) => r.type === 'Microsoft.DocumentDB/databaseAccounts');
  if (!account) return ['no Microsoft.DocumentDB/databaseAccounts resource'];
  const expect = (pattern: RegExp, what: string) => {
    if (!pattern.test(account.body)) problems.push(`Cosmos DB account: ${what}`);
  };
  expect(/^\s*disableLocalAuth: true$/m, 'disableLocalAuth must be true (no keys: Entra ID only)');
  expect(/^\s*name: 'EnableServerless'$/m, 'the EnableServerless capability is missing');
  expect(/^\s*defaultConsistencyLevel: 'Session'$/m, 'consistency must be Session');

  const assignment = resources.find(
    (r) => r.type === 'Microsoft.DocumentDB/databaseAccounts/sqlRoleAssignments',
  );
  if (!assignment) return [...problems, 'no sqlRoleAssignments: the identity cannot read or write data'];
  const roleVar = /roleDefinitionId: '\$\{\w+\.id\}\/sqlRoleDefinitions\/\$\{(\w+)\}'/.exec(
    assignment.body,
  )?.[1];
  const roleId = roleVar ? bicepStringLiteral(bicepVariables(bicep)[roleVar] ?? '') : undefined;
  if (roleId !== '00000000-0000-0000-0000-000000000002') {
    problems.push(
      `the role assignment is not the built-in Data Contributor role (${roleId ?? 'unreadable'})`,
    );
  }
  const principal = /principalId: (\w+)\.properties\.principalId/.exec(assignment.body)?.[1];
  const webApp = resources.find((r) => r.type === 'Microsoft.Web/sites');
  if (!principal || !webApp?.body.includes(`'\${${principal}.id}': {}`)) {
    problems.push('the data role must go to the user-assigned identity the web app runs with');
  }
  return problems;
}

/**
 * The calendar links' secret: a secure parameter, stored as a Key Vault secret, which the app setting
 * refers to (its value never in the site's configuration); the bot's identity resolves the reference
 * and holds the built-in Key Vault Secrets User role on that one secret.
 */
export function calendarSecretProblems(bicep: string): string[] {
  const problems: string[] = [];
  if (!/@secure\(\)\n(?:@\w+\([^\n]*\)\n)*param calendarLinkSecret string\n/.test(withoutComments(bicep)))
    problems.push('calendarLinkSecret must be a @secure() parameter');
  const setting = appSettings(bicep).find((a) => a.name === 'CALENDAR_LINK_SECRET');
  const secretVar = /^'@Microsoft\.KeyVault\(SecretUri=\$\{(\w+)\.properties\.secretUri\}\)'$/.exec(
    setting?.expression ?? '',
  )?.[1];
  if (!secretVar) return [...problems, 'CALENDAR_LINK_SECRET must be a Key Vault reference'];
  const resources = bicepResources(bicep);
  const secret = resources.find((r) => r.type === 'Microsoft.KeyVault/vaults/secrets');
  if (!secret?.body.includes('value: calendarLinkSecret'))
    problems.push('the Key Vault secret must hold calendarLinkSecret');
  const webApp = resources.find((r) => r.type === 'Microsoft.Web/sites');
  const identity = /keyVaultReferenceIdentity: (\w+)\.id/.exec(webApp?.body ?? '')?.[1];
  if (!identity || !webApp?.body.includes(`'\${${identity}.id}': {}`))
    problems.push("Key Vault references must resolve with the web app's user-assigned identity");
  const assignment = resources.find(
    (r) =>
      r.type === 'Microsoft.Authorization/roleAssignments' &&
      r.body.includes(`${identity}.properties.principalId`),
  );
  const roleVar = /roleDefinitions', (\w+)\)/.exec(assignment?.body ?? '')?.[1];
  if (
    bicepStringLiteral(bicepVariables(bicep)[roleVar ?? ''] ?? '') !== '4633458b-17de-408a-b874-0445c86b69e6'
  )
    problems.push('the identity must hold the built-in Key Vault Secrets User role');
  if (!new RegExp(`^\\s*scope: ${secretVar}$`, 'm').test(assignment?.body ?? ''))
    problems.push('the role must be scoped to that secret alone, not the vault');
  return problems;
}

// ---------------------------------------------------------------------------------------------
// App settings and configuration

/** the environment variable names src/config/config.ts reads */
export function configVariables(configSource: string): Set<string> {
  return new Set([...configSource.matchAll(/value\(env, '([A-Za-z_][A-Za-z0-9_]*)'\)/g)].map((m) => m[1]!));
}

/**
 * App settings read by the platform or a library rather than by Peer Coach's configuration, each
 * with who reads it.
 */
export const platformSettings: Readonly<Record<string, string>> = {
  AZURE_CLIENT_ID:
    '@azure/identity DefaultAzureCredential: which user-assigned identity signs in to Cosmos DB',
  NODE_ENV: 'Node.js libraries',
  NODE_OPTIONS: 'Node.js: the heap limit that `npm start` passes on the command line',
  SCM_DO_BUILD_DURING_DEPLOYMENT: 'App Service: install dependencies after a zip deploy',
  CUSTOM_BUILD_COMMAND: 'App Service (Oryx): the install command it runs instead of npm install + build',
};

/** never in the host's settings: secrets (there are none) and local mode */
export const forbiddenSettings = ['COSMOS_KEY', 'MicrosoftAppPassword', 'BOT_ANONYMOUS', 'DATA_DIR'];

export function appSettingNameProblems(
  settings: readonly AppSetting[],
  configVars: ReadonlySet<string>,
): string[] {
  const problems: string[] = [];
  const seen = new Set<string>();
  for (const { name } of settings) {
    if (seen.has(name)) problems.push(`app setting ${name} is set twice`);
    seen.add(name);
    if (forbiddenSettings.includes(name)) problems.push(`app setting ${name} must not be set in Azure`);
    else if (!configVars.has(name) && !(name in platformSettings)) {
      problems.push(`app setting ${name} is read neither by src/config/config.ts nor by the platform`);
    }
  }
  return problems;
}

export interface Resolution {
  readonly values: Record<string, string>;
  readonly problems: string[];
}

/**
 * The app settings' values as the deployment would produce them: parameters from the parameters
 * file, its `${{VAR}}` filled from the env file (`envSamples` stands in for values the operator or
 * provisioning fills), Bicep defaults otherwise, and `expressionSamples` for resource properties.
 */
export function resolveAppSettings(
  bicep: string,
  parametersJson: string,
  env: Readonly<Record<string, string>>,
  envSamples: Readonly<Record<string, string>>,
  expressionSamples: Readonly<Record<string, string>>,
): Resolution {
  const problems: string[] = [];
  const params = bicepParams(bicep);
  const given = (JSON.parse(parametersJson) as { parameters: Record<string, { value: unknown }> }).parameters;

  const paramValue = (name: string): string | undefined => {
    if (name in given) {
      const raw = given[name]!.value;
      if (typeof raw !== 'string') return String(raw);
      return raw.replace(PLACEHOLDER, (_m, v: string) => {
        const value = env[v] || envSamples[v];
        if (value === undefined) problems.push(`parameter ${name}: \${{${v}}} has no value and no sample`);
        return value ?? '';
      });
    }
    const source = params[name]?.defaultSource;
    if (source === undefined) return undefined;
    return bicepStringLiteral(source) ?? (/^-?\d+$/.test(source) ? source : undefined);
  };

  const evaluate = (expression: string): string | undefined => {
    const literal = bicepStringLiteral(expression);
    if (literal !== undefined) return literal;
    const asString = /^string\((\w+)\)$/.exec(expression)?.[1];
    if (asString && asString in params) return paramValue(asString);
    if (expression in params) return paramValue(expression);
    return expressionSamples[expression];
  };

  const values: Record<string, string> = {};
  for (const { name, expression } of appSettings(bicep)) {
    const value = evaluate(expression);
    if (value === undefined)
      problems.push(`app setting ${name}: cannot resolve ${expression} (add a sample)`);
    else values[name] = value;
  }
  return { values, problems };
}

// ---------------------------------------------------------------------------------------------
// m365agents.yml

export interface YmlStep {
  readonly stage: string;
  readonly uses: string;
  readonly text: string;
  /** `key: value` pairs under `with:` (and under `templates:`), values as written */
  readonly fields: Record<string, string>;
  /** variable names the step writes to the env file */
  readonly writes: string[];
}

/** the stages (provision, deploy, publish) and their steps, for a file in the Toolkit templates' shape */
export function ymlSteps(yml: string): YmlStep[] {
  const steps: YmlStep[] = [];
  const stages = [...yml.matchAll(/^(\w+):\s*$/gm)];
  stages.forEach((stage, i) => {
    const end = stages[i + 1]?.index ?? yml.length;
    const body = yml.slice(stage.index + stage[0].length, end);
    for (const part of body.split(/^(?= {2}- uses: )/m).filter((p) => p.startsWith('  - uses: '))) {
      const fields: Record<string, string> = {};
      for (const m of part.matchAll(/^\s+(?:- )?(\w+): (\S[^\n#]*?)\s*$/gm)) {
        if (m[1] !== 'uses') fields[m[1]!] = m[2]!;
      }
      const writesBlock = /writeToEnvironmentFile:\s*\n((?:\s{6,}\w+: \w+\s*\n?)+)/.exec(part)?.[1] ?? '';
      steps.push({
        stage: stage[1]!,
        uses: /^ {2}- uses: (\S+)/.exec(part)![1]!,
        text: part,
        fields,
        writes: [...writesBlock.matchAll(/\w+: (\w+)/g)].map((m) => m[1]!),
      });
    }
  });
  return steps;
}

/** fields whose value is a file or folder the project must already contain */
const INPUT_PATH_FIELDS = ['path', 'parameters', 'manifestPath', 'ignoreFile', 'artifactFolder'];

export function ymlFileProblems(yml: string, exists: (relative: string) => boolean): string[] {
  const problems: string[] = [];
  const version = /^version: (v\d+\.\d+)$/m.exec(yml)?.[1];
  const schema = /\$schema=https:\/\/aka\.ms\/m365-agents-toolkits\/(v\d+\.\d+)\/yaml\.schema\.json/.exec(
    yml,
  )?.[1];
  if (!version || version !== schema)
    problems.push(`version ${version} and the schema comment's ${schema} differ`);
  for (const step of ymlSteps(yml)) {
    for (const field of INPUT_PATH_FIELDS) {
      const value = step.fields[field];
      if (value !== undefined && !exists(value))
        problems.push(`${step.stage} ${step.uses}: ${field} ${value} does not exist`);
    }
    const zip = step.fields.appPackagePath;
    if (zip !== undefined) {
      const built = ymlSteps(yml).some(
        (s) =>
          s.stage === step.stage && s.uses === 'teamsApp/zipAppPackage' && s.fields.outputZipPath === zip,
      );
      if (!built)
        problems.push(`${step.stage} ${step.uses}: no zipAppPackage step of this stage writes ${zip}`);
    }
  }
  return problems;
}

export interface VariableSources {
  /** env/.env.<env> as committed */
  readonly env: Readonly<Record<string, string>>;
  /** the Bicep's outputs, which arm/deploy writes to the env file */
  readonly outputs: readonly string[];
  /** the text of a file a step reads, by its path as the yml writes it; undefined if there is none */
  readonly fileText: (relative: string) => string | undefined;
  /** empty variables the Toolkit fills or asks for itself */
  readonly toolkitFilled: readonly string[];
  /** empty variables the operator must fill before provisioning (each must be documented) */
  readonly operatorFilled: readonly string[];
}

/**
 * Every `${{VAR}}` a step uses, directly or in a file it reads (the manifest and its localisation
 * files, the ARM parameters), is defined: in the env file, or written by provisioning. One that is
 * empty when the step runs must be written by an earlier step (provisioning runs before deploy and
 * publish), or be filled by the Toolkit or the operator.
 */
export function variableProblems(yml: string, sources: VariableSources): string[] {
  const problems: string[] = [];
  const steps = ymlSteps(yml);
  const provisioned = new Set(steps.filter((s) => s.stage === 'provision').flatMap((s) => s.writes));
  if (steps.some((s) => s.stage === 'provision' && s.uses === 'arm/deploy')) {
    for (const v of sources.outputs) provisioned.add(v);
  }
  const written = new Map<string, Set<string>>();
  for (const step of steps) {
    if (!written.has(step.stage))
      written.set(step.stage, new Set(step.stage === 'provision' ? [] : provisioned));
    const available = written.get(step.stage)!;
    for (const v of usedVariables(step, sources)) {
      if (!(v in sources.env) && !provisioned.has(v)) {
        problems.push(
          `${step.stage} ${step.uses}: \${{${v}}} is neither in the env file nor written by provisioning`,
        );
      } else if (
        !sources.env[v] &&
        !(v === 'APP_NAME_SUFFIX' && v in sources.env) &&
        !available.has(v) &&
        !sources.toolkitFilled.includes(v) &&
        !sources.operatorFilled.includes(v)
      ) {
        problems.push(
          `${step.stage} ${step.uses}: \${{${v}}} is empty and nothing before this step fills it`,
        );
      }
    }
    for (const v of step.writes) available.add(v);
    if (step.uses === 'arm/deploy') for (const v of sources.outputs) available.add(v);
  }
  return problems;
}

function usedVariables(step: YmlStep, sources: VariableSources): Set<string> {
  const used = new Set(placeholders(step.text));
  for (const field of ['manifestPath', 'parameters']) {
    const file = step.fields[field];
    if (file === undefined) continue;
    const text = sources.fileText(file) ?? '';
    for (const v of placeholders(text)) used.add(v);
    if (field === 'manifestPath' && text) {
      for (const extra of localisationFiles(text)) {
        const localised = sources.fileText(path.posix.join(path.posix.dirname(file), extra)) ?? '';
        for (const v of placeholders(localised)) used.add(v);
      }
    }
  }
  return used;
}

function localisationFiles(manifestText: string): string[] {
  const manifest = JSON.parse(manifestText) as {
    localizationInfo?: { defaultLanguageFile?: string; additionalLanguages?: { file?: string }[] };
  };
  const info = manifest.localizationInfo;
  return [info?.defaultLanguageFile, ...(info?.additionalLanguages ?? []).map((l) => l.file)].filter(
    (f): f is string => typeof f === 'string',
  );
}

// ---------------------------------------------------------------------------------------------
// What the App Service upload holds (.webappignore)

/**
 * The files `azureAppService/zipDeploy` would upload from `root`: it tests every file and folder,
 * relative to the artifact folder, against the ignore file and does not descend into an ignored
 * folder. Only anchored patterns (`/x`, `/x/*`, `!/x`) are understood; anything else is a problem,
 * including a trailing slash, which never matches there (folders are tested without one).
 */
export function uploadedFiles(
  ignoreText: string,
  paths: readonly string[],
): { files: string[]; problems: string[] } {
  const problems: string[] = [];
  const rules: { negate: boolean; pattern: RegExp }[] = [];
  for (const raw of ignoreText.split('\n')) {
    const line = raw.trim();
    if (!line || line.startsWith('#')) continue;
    const negate = line.startsWith('!');
    const pattern = negate ? line.slice(1) : line;
    if (!/^(\/[\w.*-]+)+$/.test(pattern)) {
      problems.push(`.webappignore: "${line}" is outside the understood shape (/name, /name/*, !/name)`);
      continue;
    }
    const source = pattern
      .slice(1)
      .split('/')
      .map((segment) => segment.replace(/[.+?^${}()|[\]\\-]/g, '\\$&').replace(/\*/g, '[^/]*'))
      .join('/');
    rules.push({ negate, pattern: new RegExp(`^${source}$`) });
  }
  const ignored = (p: string) =>
    rules.reduce((verdict, rule) => (rule.pattern.test(p) ? !rule.negate : verdict), false);
  const files = paths.filter((p) => {
    const segments = p.split('/');
    return segments.every((_, i) => !ignored(segments.slice(0, i + 1).join('/')));
  });
  return { files, problems };
}

/** every file under root, relative, without descending into node_modules or .git */
export function repoFiles(root: string = ROOT): string[] {
  const out: string[] = [];
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      if (name === 'node_modules' || name === '.git') continue;
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else out.push(path.relative(root, full).split(path.sep).join('/'));
    }
  };
  walk(root);
  return out;
}

// ---------------------------------------------------------------------------------------------
// Dockerfile

export interface DockerStage {
  readonly name: string;
  readonly image: string;
  /** instructions, continuation lines joined */
  readonly instructions: { readonly op: string; readonly args: string }[];
}

export function dockerStages(dockerfile: string): DockerStage[] {
  const lines = dockerfile
    .replace(/\\\n/g, ' ')
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  const stages: { name: string; image: string; instructions: { op: string; args: string }[] }[] = [];
  for (const line of lines) {
    const [op = '', ...rest] = line.split(/\s+/);
    const args = rest.join(' ');
    if (op.toUpperCase() === 'FROM') {
      const m = /^(\S+)(?:\s+AS\s+(\S+))?$/i.exec(args);
      stages.push({ image: m?.[1] ?? args, name: m?.[2] ?? String(stages.length), instructions: [] });
    } else {
      stages.at(-1)?.instructions.push({ op: op.toUpperCase(), args });
    }
  }
  return stages;
}

/** `node … <entry>` as an exec-form JSON array or a shell line: the script it runs */
export function nodeEntry(command: string): string | undefined {
  let words: string[];
  try {
    const parsed: unknown = JSON.parse(command);
    words = Array.isArray(parsed) ? parsed.map(String) : command.split(/\s+/);
  } catch {
    words = command.split(/\s+/);
  }
  if (words[0] !== 'node') return undefined;
  return words.slice(1).find((w) => !w.startsWith('-'));
}

export function heapFlag(text: string): string | undefined {
  return /--max-old-space-size=(\d+)/.exec(text)?.[1];
}

export interface DockerExpectations {
  /** the script `npm start` runs, e.g. dist/src/index.js */
  readonly entry: string;
  /** the heap limit `npm start` passes, in MB */
  readonly heapMb: string;
  readonly port: string;
  /** top-level paths the TypeScript build reads (src, cards, tsconfig files, package files) */
  readonly buildInputs: readonly string[];
  /** where the build writes, e.g. dist */
  readonly outDir: string;
}

export function dockerProblems(dockerfile: string, expect: DockerExpectations): string[] {
  const problems: string[] = [];
  const stages = dockerStages(dockerfile);
  const runtime = stages.at(-1);
  const build = stages.find((s) =>
    s.instructions.some((i) => i.op === 'RUN' && /npm run build/.test(i.args)),
  );
  if (!runtime || !build || build === runtime)
    return ['expected a build stage (npm run build) and a runtime stage after it'];

  const copies = (stage: DockerStage) =>
    stage.instructions
      .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
      .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
  for (const input of expect.buildInputs) {
    if (!copies(build).includes(input))
      problems.push(`build stage: does not copy ${input}, which the build reads`);
  }

  const runs = (stage: DockerStage) => stage.instructions.filter((i) => i.op === 'RUN').map((i) => i.args);
  if (!runs(runtime).some((r) => /npm ci\b.*--omit=dev/.test(r))) {
    problems.push('runtime stage: production dependencies only (npm ci --omit=dev)');
  }
  const fromBuild = runtime.instructions.filter(
    (i) => i.op === 'COPY' && i.args.startsWith(`--from=${build.name} `),
  );
  if (!fromBuild.some((i) => new RegExp(`/${expect.outDir} \\./${expect.outDir}$`).test(i.args))) {
    problems.push(`runtime stage: does not copy ${expect.outDir}/ from the build stage`);
  }
  if (copies(runtime).some((c) => !/^package(-lock)?\.json$/.test(c))) {
    problems.push(
      'runtime stage: copies sources from the context; only package files and the build output belong there',
    );
  }

  const users = runtime.instructions.filter((i) => i.op === 'USER').map((i) => i.args);
  const lastUser = users.at(-1);
  if (!lastUser || /^(root|0)(:|$)/.test(lastUser))
    problems.push('runtime stage: must run as a non-root USER');
  const cmdIndex = runtime.instructions.findIndex((i) => i.op === 'CMD');
  const userIndex = runtime.instructions.map((i) => i.op).lastIndexOf('USER');
  if (cmdIndex < 0 || userIndex > cmdIndex) problems.push('runtime stage: USER must come before CMD');

  const env = runtime.instructions
    .filter((i) => i.op === 'ENV')
    .map((i) => i.args)
    .join(' ');
  if (heapFlag(/NODE_OPTIONS=(\S+)/.exec(env)?.[1] ?? '') !== expect.heapMb) {
    problems.push(
      `runtime stage: ENV NODE_OPTIONS must carry --max-old-space-size=${expect.heapMb}, as npm start does`,
    );
  }
  if (!/NODE_ENV=production\b/.test(env)) problems.push('runtime stage: ENV NODE_ENV=production');
  if (/PORT=(\d+)/.exec(env)?.[1] !== expect.port) problems.push(`runtime stage: ENV PORT=${expect.port}`);
  if (!runtime.instructions.some((i) => i.op === 'EXPOSE' && i.args === expect.port)) {
    problems.push(`runtime stage: EXPOSE ${expect.port}`);
  }
  if (!runtime.instructions.some((i) => i.op === 'HEALTHCHECK' && i.args.includes('/healthz'))) {
    problems.push('runtime stage: HEALTHCHECK on /healthz');
  }
  const cmd = cmdIndex < 0 ? undefined : runtime.instructions[cmdIndex]!.args;
  if (!cmd || nodeEntry(cmd) !== expect.entry)
    problems.push(`runtime stage: CMD must run node ${expect.entry}`);
  return problems;
}

/**
 * .dockerignore as an allow-list (`*`, then `!name` or `!name/`): the paths it lets into the build
 * context. Other shapes are reported.
 */
export function dockerContextProblems(dockerignore: string, copied: readonly string[]): string[] {
  const problems: string[] = [];
  const lines = dockerignore
    .split('\n')
    .map((l) => l.trim())
    .filter((l) => l && !l.startsWith('#'));
  if (lines[0] !== '*') return ['.dockerignore: expected an allow-list starting with "*"'];
  const allowed = new Set<string>();
  for (const line of lines.slice(1)) {
    const m = /^!([\w.-]+)\/?$/.exec(line);
    if (m) allowed.add(m[1]!);
    else problems.push(`.dockerignore: "${line}" is outside the understood shape (!name or !name/)`);
  }
  for (const c of copied)
    if (!allowed.has(c)) problems.push(`.dockerignore keeps ${c} out, but the Dockerfile copies it`);
  return problems;
}

/** top-level folders outside src/ that src/ imports from (relative imports only), e.g. cards */
export function importedTopLevelDirs(srcRoot: string = path.join(ROOT, 'src')): string[] {
  const dirs = new Set<string>();
  const walk = (dir: string) => {
    for (const name of readdirSync(dir)) {
      const full = path.join(dir, name);
      if (statSync(full).isDirectory()) walk(full);
      else if (name.endsWith('.ts')) {
        for (const m of readFileSync(full, 'utf8').matchAll(/from '(\.{1,2}\/[^']+)'/g)) {
          const target = path.relative(path.dirname(srcRoot), path.resolve(dir, m[1]!));
          const top = target.split(path.sep)[0]!;
          if (top !== path.basename(srcRoot)) dirs.add(top);
        }
      }
    }
  };
  walk(srcRoot);
  return [...dirs].filter((d) => existsSync(path.join(path.dirname(srcRoot), d))).sort();
}

// ---------------------------------------------------------------------------------------------
// Node.js version

/**
 * The major versions an engines range of the shape `^22.13 || ^24` claims: the ones .ci/run tests
 * on. Undefined for any other shape (`>=22` would claim majors nobody has tested).
 */
export function engineMajors(range: string): number[] | undefined {
  const majors = range.split('||').map((part) => /^\^(\d+)(\.\d+){0,2}$/.exec(part.trim())?.[1]);
  if (majors.length === 0 || majors.some((m) => m === undefined)) return undefined;
  return majors.map(Number);
}

export interface NodeVersionFiles {
  /** package.json's engines.node */
  readonly engines: string;
  readonly dockerfile: string;
  readonly bicep: string;
  readonly parameters: string;
}

/**
 * The image and the App Service run the newest major engines claims, and the Bicep allows no major
 * it does not claim: nothing is deployed on a Node.js the tests did not run on.
 */
export function nodeVersionProblems(files: NodeVersionFiles): string[] {
  const majors = engineMajors(files.engines);
  if (!majors) {
    return [`package.json engines.node "${files.engines}" is outside the understood shape (^22.13 || ^24)`];
  }
  const newest = String(Math.max(...majors));
  const problems: string[] = [];
  const deployed: [string, string | undefined][] = [
    ['Dockerfile ARG NODE_VERSION', /^ARG NODE_VERSION=(\S+)$/m.exec(files.dockerfile)?.[1]],
    ['Bicep nodeMajorVersion default', /^param nodeMajorVersion string = '([^']*)'$/m.exec(files.bicep)?.[1]],
    [
      'infra/main.parameters.json nodeMajorVersion',
      (JSON.parse(files.parameters) as { parameters: Record<string, { value?: unknown }> }).parameters
        .nodeMajorVersion?.value as string | undefined,
    ],
  ];
  for (const [where, value] of deployed) {
    if (value !== newest)
      problems.push(`${where} is ${value ?? 'missing'}, not ${newest} (engines: ${files.engines})`);
  }
  if (!/^FROM node:\$\{NODE_VERSION\}-/m.test(files.dockerfile)) {
    problems.push('Dockerfile: FROM node:${NODE_VERSION}-… expected, so the build argument picks the image');
  }
  const allowed = /@allowed\(\[([^\]]*)\]\)\s*(?:@description\(.*\)\s*)?param nodeMajorVersion\b/.exec(
    files.bicep,
  );
  for (const value of allowed ? [...allowed[1]!.matchAll(/'([^']*)'/g)].map((m) => m[1]!) : []) {
    if (!majors.includes(Number(value)))
      problems.push(`Bicep nodeMajorVersion allows ${value}, which engines does not claim`);
  }
  if (!/linuxFxVersion: 'NODE\|\$\{nodeMajorVersion\}-lts'/.test(files.bicep)) {
    problems.push("Bicep: linuxFxVersion 'NODE|${nodeMajorVersion}-lts' expected");
  }
  return problems;
}
