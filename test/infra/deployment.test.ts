import assert from 'node:assert/strict';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { parseConfig } from '../../src/config/config';
import { containerSpecs } from '../../src/store/containers';
import {
  appSettingNameProblems,
  appSettings,
  bicepOutputs,
  bicepResources,
  calendarSecretProblems,
  configVariables,
  containerProblems,
  cosmosProblems,
  dockerContextProblems,
  dockerProblems,
  dockerStages,
  engineMajors,
  heapFlag,
  importedTopLevelDirs,
  mutate,
  nodeEntry,
  nodeVersionProblems,
  readEnv,
  readRepoFile,
  repoFiles,
  resolveAppSettings,
  ROOT,
  uploadedFiles,
  variableProblems,
  VariableSources,
  ymlFileProblems,
  ymlSteps,
} from './deployment-checks';

const bicep = readRepoFile('infra/main.bicep');
const parameters = readRepoFile('infra/main.parameters.json');
const yml = readRepoFile('m365agents.yml');
const envDev = readEnv(readRepoFile('env/.env.dev'));
const dockerfile = readRepoFile('Dockerfile');
const dockerignore = readRepoFile('.dockerignore');
const webappignore = readRepoFile('.webappignore');
const configSource = readRepoFile('src/config/config.ts');
const packageJson = JSON.parse(readRepoFile('package.json')) as {
  scripts: { start: string };
  engines: { node: string };
};
const npmStart = packageJson.scripts.start;

/** stand-ins for what the operator and Azure fill in at provisioning */
const envSamples = {
  COORDINATOR_AAD_IDS: 'a1a1a1a1-0000-4000-8000-000000000001',
  ALLOWED_TENANT_IDS: '00000000-0000-4000-8000-0000000000aa',
  RESOURCE_SUFFIX: '1a2b3c',
};
const expressionSamples = {
  'identity.properties.clientId': '11111111-2222-4333-8444-555555555555',
  'identity.properties.tenantId': '00000000-0000-4000-8000-0000000000aa',
  'cosmos.properties.documentEndpoint': 'https://cosmos-peercoach1a2b3c.documents.azure.com:443/',
  // App Service puts the secret's value where the Key Vault reference stands
  "'@Microsoft.KeyVault(SecretUri=${calendarSecret.properties.secretUri})'":
    'q2V8m1Zs0pL4cX7nR9tY3uW6bE5aH0kJ8fD2gS1vN4o=',
  "'https://${names.webApp}.azurewebsites.net'": 'https://app-peercoach1a2b3c.azurewebsites.net',
  "enableLogAnalytics ? insights.properties.ConnectionString : ''":
    'InstrumentationKey=00000000-0000-4000-8000-00000000a1a1;IngestionEndpoint=https://swedencentral-0.in.applicationinsights.azure.com/',
};

function provisionedSettings(bicepText: string = bicep) {
  return resolveAppSettings(bicepText, parameters, envDev, envSamples, expressionSamples);
}

const variableSources: VariableSources = {
  env: envDev,
  outputs: bicepOutputs(bicep),
  fileText: (relative) => {
    const file = path.join(ROOT, relative);
    return existsSync(file) ? readRepoFile(relative) : undefined;
  },
  // the Toolkit asks for a subscription and a resource group, and generates the suffix
  toolkitFilled: ['AZURE_SUBSCRIPTION_ID', 'AZURE_RESOURCE_GROUP_NAME', 'RESOURCE_SUFFIX'],
  operatorFilled: ['COORDINATOR_AAD_IDS', 'ALLOWED_TENANT_IDS', 'SECRET_CALENDAR_LINK_SECRET'],
};

describe('deployment', () => {
  describe('Cosmos DB in infra/main.bicep', () => {
    it('declares exactly the containers of src/store/containers.ts, with their partition keys and TTL', () => {
      assert.deepEqual(containerProblems(bicep, containerSpecs), []);
    });

    it('reports a container whose partition key or TTL drifted from the code, or that is missing', () => {
      const pairKey = mutate(bicep, "'/pairId'", "'/id'");
      const noTtl = mutate(bicep, /\n\s*defaultTtl: -1/, '');
      const noSchedule = mutate(bicep, "name: 'schedule'", "name: 'jobs'").replace(
        "id: 'schedule'",
        "id: 'jobs'",
      );
      assert.match(containerProblems(pairKey, containerSpecs).join('\n'), /"cycles": partition key/);
      assert.match(
        containerProblems(noTtl, containerSpecs).join('\n'),
        /"cycles": defaultTtl unset in the Bicep, -1/,
      );
      assert.match(
        containerProblems(noSchedule, containerSpecs).join('\n'),
        /"schedule" is in src.*\n.*"jobs" is in the Bicep/,
      );
    });

    it("is serverless with session consistency and no keys, and the bot's identity holds the Data Contributor role", () => {
      assert.deepEqual(cosmosProblems(bicep), []);
    });

    it('reports an account with keys enabled or a role other than Data Contributor', () => {
      const keys = mutate(bicep, 'disableLocalAuth: true', 'disableLocalAuth: false');
      const reader = mutate(
        bicep,
        "'00000000-0000-0000-0000-000000000002'",
        "'00000000-0000-0000-0000-000000000001'",
      );
      assert.match(cosmosProblems(keys).join('\n'), /disableLocalAuth/);
      assert.match(cosmosProblems(reader).join('\n'), /not the built-in Data Contributor role/);
    });
  });

  describe('app settings in infra/main.bicep', () => {
    it('are each read by the configuration parser or by the platform, and hold no secret', () => {
      const settings = appSettings(bicep);
      assert.ok(settings.length >= 10, `found only ${settings.length} app settings`);
      assert.deepEqual(appSettingNameProblems(settings, configVariables(configSource)), []);
    });

    it('reports a setting nothing reads, and a key', () => {
      const typo = mutate(bicep, "name: 'DEFAULT_LOCALE'", "name: 'DEFAULT_LANGUAGE'");
      const key = mutate(bicep, "name: 'AZURE_CLIENT_ID'", "name: 'COSMOS_KEY'");
      const vars = configVariables(configSource);
      assert.match(
        appSettingNameProblems(appSettings(typo), vars).join('\n'),
        /DEFAULT_LANGUAGE is read neither/,
      );
      assert.match(appSettingNameProblems(appSettings(key), vars).join('\n'), /COSMOS_KEY must not be set/);
    });

    it('pass parseConfig as provisioning fills them: the managed identity for Bot Service and for Cosmos DB', () => {
      const { values, problems } = provisionedSettings();
      assert.deepEqual(problems, []);
      const config = parseConfig(values);
      assert.ok(config.auth.mode === 'authenticated', 'every request must carry a Bot Framework token');
      assert.equal(config.auth.appType, 'UserAssignedMSI');
      assert.equal(
        config.auth.appId,
        values.AZURE_CLIENT_ID,
        'Cosmos DB and Bot Service must use the same identity',
      );
      assert.equal(config.store.kind, 'azure-identity');
      assert.equal(config.store.database, 'peercoach');
      assert.deepEqual(config.coordinatorIds, [envSamples.COORDINATOR_AAD_IDS]);
      assert.deepEqual(config.allowedTenantIds, [envSamples.ALLOWED_TENANT_IDS]);
      assert.equal(config.defaultTimeZone, envDev.DEFAULT_TIME_ZONE);
      assert.equal(config.exportAs, 'file');
      assert.equal(config.calendar.baseUrl, 'https://app-peercoach1a2b3c.azurewebsites.net');
      assert.ok(config.calendar.linkSecret, 'the calendar links are signed with the secret from Key Vault');
      assert.match(
        config.telemetry.connectionString ?? '',
        /^InstrumentationKey=/,
        'telemetry goes to Application Insights',
      );
    });

    it("keep the calendar links' secret in Key Vault, read with the bot's identity, which may read that secret alone", () => {
      assert.deepEqual(calendarSecretProblems(bicep), []);
    });

    it('report a calendar secret written into the app settings, a parameter that is not secure, or a wider role', () => {
      const plain = mutate(
        bicep,
        "'@Microsoft.KeyVault(SecretUri=${calendarSecret.properties.secretUri})'",
        'calendarLinkSecret',
      );
      const notSecure = mutate(bicep, '@secure()\n@minLength(44)', '@minLength(44)');
      const officer = mutate(
        bicep,
        "'4633458b-17de-408a-b874-0445c86b69e6'",
        "'b86a8fe4-44ce-4948-aee5-eccb2c155cd7'",
      );
      const vaultWide = mutate(bicep, 'scope: calendarSecret', 'scope: vault');
      assert.match(calendarSecretProblems(plain).join('\n'), /Key Vault reference/);
      assert.match(calendarSecretProblems(notSecure).join('\n'), /@secure/);
      assert.match(calendarSecretProblems(officer).join('\n'), /Secrets User/);
      assert.match(calendarSecretProblems(vaultWide).join('\n'), /that secret alone/);
    });

    it('fail parseConfig when a value drifts from what the parser accepts', () => {
      const { values } = provisionedSettings(mutate(bicep, "value: 'identity'", "value: 'managed-identity'"));
      assert.throws(() => parseConfig(values), /PC-CFG-010/);
    });

    it('start the script npm start runs, with the same heap limit, as the Dockerfile does', () => {
      const entry = nodeEntry(npmStart);
      assert.equal(entry, 'dist/src/index.js');
      assert.ok(
        existsSync(path.join(ROOT, 'src/index.ts')),
        'tsc -p tsconfig.build.json emits src/index.ts there',
      );
      assert.equal(nodeEntry(/appCommandLine: '([^']+)'/.exec(bicep)?.[1] ?? ''), entry);
      const settings = provisionedSettings().values;
      assert.equal(heapFlag(settings.NODE_OPTIONS ?? ''), heapFlag(npmStart));
      assert.match(bicep, /healthCheckPath: '\/readyz'/, 'a stalled or store-less instance is replaced');
    });
  });

  describe('m365agents.yml', () => {
    it('names files that exist, and validates and updates only a zip its stage builds', () => {
      assert.deepEqual(
        ymlFileProblems(yml, (relative) => existsSync(path.join(ROOT, relative))),
        [],
      );
      const stages = new Set(ymlSteps(yml).map((s) => s.stage));
      assert.deepEqual([...stages], ['provision', 'deploy', 'publish']);
    });

    it('reports a missing file and a schema comment that disagrees with the version', () => {
      const missing = mutate(yml, 'path: ./infra/main.bicep', 'path: ./infra/azure.bicep');
      const version = mutate(yml, 'version: v1.13', 'version: v1.11');
      const exists = (relative: string) => existsSync(path.join(ROOT, relative));
      assert.match(
        ymlFileProblems(missing, exists).join('\n'),
        /path \.\/infra\/azure\.bicep does not exist/,
      );
      assert.match(
        ymlFileProblems(version, exists).join('\n'),
        /version v1\.11 and the schema comment's v1\.13/,
      );
    });

    it('has every ${{VAR}} of its steps, the ARM parameters, the manifest and its localisations defined when needed', () => {
      assert.deepEqual(variableProblems(yml, variableSources), []);
    });

    it('reports a placeholder nobody defines, and a Bicep output used before arm/deploy runs', () => {
      const unknown = mutate(yml, 'name: Peer Coach ${{APP_NAME_SUFFIX}}', 'name: Peer Coach ${{APP_LABEL}}');
      const armStep = /( {2}- uses: arm\/deploy[\s\S]*?)(?= {2}- uses: )/.exec(yml)![1]!;
      const armLast = mutate(yml, armStep, '').replace('\ndeploy:', `\n${armStep}\ndeploy:`);
      assert.match(
        variableProblems(unknown, variableSources).join('\n'),
        /APP_LABEL\}\} is neither in the env file/,
      );
      assert.match(
        variableProblems(armLast, variableSources).join('\n'),
        /provision teamsApp\/validateManifest: \$\{\{BOT_ID\}\} is empty and nothing before this step fills it/,
      );
    });

    it('deploys to the App Service the Bicep creates, and leaves to the operator only what docs/deploy.md explains', () => {
      const zipDeploy = ymlSteps(yml).find((s) => s.uses === 'azureAppService/zipDeploy');
      const target = /^\$\{\{(\w+)\}\}$/.exec(zipDeploy?.fields.resourceId ?? '')?.[1];
      assert.ok(target, 'zipDeploy resourceId is one ${{VAR}}');
      assert.match(bicep, new RegExp(`^output ${target} string = webApp\\.id$`, 'm'));
      const docs = readRepoFile('docs/deploy.md');
      for (const v of variableSources.operatorFilled) {
        assert.ok(v in envDev, `${v} is listed in env/.env.dev`);
        assert.ok(docs.includes(v), `docs/deploy.md explains ${v}`);
      }
    });
  });

  describe('.webappignore (what the App Service upload holds)', () => {
    const built = [
      'dist/src/index.js',
      'dist/src/store/cosmos-store.js',
      'dist/cards/help.json',
      'dist/scripts/fleet-bot.js',
      '.data/cosmos-snapshot.json',
      'env/.env.dev.user',
      'node_modules/pino/index.js',
    ];

    it('uploads the compiled bot, its card templates and the npm manifests, and nothing else', () => {
      const { files, problems } = uploadedFiles(webappignore, [...new Set([...repoFiles(), ...built])]);
      assert.deepEqual(problems, []);
      for (const needed of [
        'package.json',
        'package-lock.json',
        'dist/src/index.js',
        'dist/cards/help.json',
      ]) {
        assert.ok(files.includes(needed), `${needed} is uploaded`);
      }
      const unexpected = files.filter((f) => !/^(package(-lock)?\.json|dist\/(src|cards)\/.+)$/.test(f));
      assert.deepEqual(unexpected, []);
    });

    it('reports a folder pattern with a trailing slash (never matches there) and an upload of env files', () => {
      const slash = uploadedFiles(mutate(webappignore, '!/dist/src', '!/dist/src/'), built);
      assert.match(slash.problems.join('\n'), /"!\/dist\/src\/" is outside/);
      assert.ok(!slash.files.includes('dist/src/index.js'));
      const env = uploadedFiles(`${webappignore}\n!/env\n`, built);
      assert.ok(env.files.includes('env/.env.dev.user'));
    });
  });

  describe('Dockerfile', () => {
    const tsconfig = JSON.parse(readRepoFile('tsconfig.json')) as { compilerOptions: { outDir: string } };
    const build = JSON.parse(readRepoFile('tsconfig.build.json')) as { extends: string; include: string[] };
    const expectations = {
      entry: nodeEntry(npmStart)!,
      heapMb: heapFlag(npmStart)!,
      port: '3978',
      buildInputs: [
        'package.json',
        'package-lock.json',
        path.basename(build.extends),
        'tsconfig.build.json',
        ...build.include,
        ...importedTopLevelDirs(),
      ],
      outDir: tsconfig.compilerOptions.outDir,
    };

    it('builds from everything the build reads, and runs dist/ as a non-root user with production dependencies only', () => {
      assert.ok(expectations.buildInputs.includes('cards'), 'src imports the card templates from cards/');
      assert.deepEqual(dockerProblems(dockerfile, expectations), []);
    });

    it('reports a runtime that runs as root, lacks the heap limit or does not get the card templates', () => {
      assert.match(
        dockerProblems(mutate(dockerfile, 'USER node', 'USER root'), expectations).join('\n'),
        /non-root/,
      );
      assert.match(
        dockerProblems(
          mutate(dockerfile, 'NODE_OPTIONS=--max-old-space-size=1024', 'NODE_OPTIONS='),
          expectations,
        ).join('\n'),
        /NODE_OPTIONS/,
      );
      assert.match(
        dockerProblems(mutate(dockerfile, /\nCOPY cards \.\/cards/, ''), expectations).join('\n'),
        /does not copy cards/,
      );
    });

    it('gets every file it copies from the build context past .dockerignore', () => {
      const copied = dockerStages(dockerfile)
        .flatMap((s) => s.instructions)
        .filter((i) => i.op === 'COPY' && !i.args.startsWith('--from'))
        .flatMap((i) => i.args.split(/\s+/).slice(0, -1));
      assert.deepEqual(dockerContextProblems(dockerignore, copied), []);
      assert.match(
        dockerContextProblems(mutate(dockerignore, '!cards/', ''), copied).join('\n'),
        /keeps cards out/,
      );
    });
  });

  describe('Node.js version', () => {
    const files = { engines: packageJson.engines.node, dockerfile, bicep, parameters };

    it('claims only majors CI tests on, including 24, and deploys the image and the App Service on the newest', () => {
      assert.ok(engineMajors(files.engines)?.includes(24), `engines ${files.engines} claims Node.js 24`);
      assert.deepEqual(nodeVersionProblems(files), []);
    });

    it('reports an image, an App Service or an allowed major that engines does not claim, and an open-ended range', () => {
      const image = {
        ...files,
        dockerfile: mutate(dockerfile, /^ARG NODE_VERSION=\S+$/m, 'ARG NODE_VERSION=20'),
      };
      const site = {
        ...files,
        parameters: mutate(parameters, /("nodeMajorVersion":\s*\{\s*"value":\s*)"\d+"/, '$1"20"'),
      };
      const allowed = {
        ...files,
        bicep: mutate(
          bicep,
          /@allowed\(\[(?=[^\]]*\]\)\s*@description\([^\n]*\)\s*param nodeMajorVersion)/,
          "@allowed([\n  '20'",
        ),
      };
      assert.match(nodeVersionProblems(image).join('\n'), /Dockerfile ARG NODE_VERSION is 20/);
      assert.match(nodeVersionProblems(site).join('\n'), /parameters\.json nodeMajorVersion is 20/);
      assert.match(nodeVersionProblems(allowed).join('\n'), /allows 20, which engines does not claim/);
      assert.match(
        nodeVersionProblems({ ...files, engines: '>=22' }).join('\n'),
        /outside the understood shape/,
      );
    });
  });

  it('keeps every resource on an explicit API version', () => {
    for (const r of bicepResources(bicep))
      assert.match(r.apiVersion, /^\d{4}-\d{2}-\d{2}(-preview)?$/, r.symbol);
  });
});
