import assert from 'node:assert/strict';
import { ChildProcess, spawn, spawnSync } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync, statSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import * as path from 'node:path';
import { embeddedKey } from '../src/store/embedded-cosmos';

/** a loopback port free a moment ago */
async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as { port: number };
  await new Promise((resolve) => server.close(resolve));
  return port;
}

/** `npm start` with only these variables set, and what it has written so far */
function run(env: Record<string, string>) {
  const child = spawn(process.execPath, ['-r', 'tsx/cjs', path.resolve(__dirname, '../src/index.ts')], {
    env: { PATH: process.env.PATH ?? '', ...env },
  });
  const output = { text: '' };
  child.stdout.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  child.stderr.on('data', (chunk: Buffer) => (output.text += chunk.toString()));
  const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
  return { child, output, exited };
}

async function until(output: { text: string }, pattern: RegExp, child: ChildProcess): Promise<void> {
  for (let i = 0; i < 300 && !pattern.test(output.text); i++) {
    if (child.exitCode !== null) break;
    await new Promise((resolve) => setTimeout(resolve, 50));
  }
  assert.match(output.text, pattern);
}

describe('index: npm start', function () {
  this.timeout(30_000);
  let dataDir: string;
  beforeEach(() => {
    dataDir = mkdtempSync(path.join(tmpdir(), 'peer-coach-index-'));
  });
  afterEach(() => rmSync(dataDir, { recursive: true, force: true }));

  it('refuses to start with a configuration it cannot use, says why, and exits 1', async () => {
    const { output, exited } = run({ DATA_DIR: dataDir });
    assert.equal(await exited, 1);
    assert.match(output.text, /BOT_ANONYMOUS/);
    assert.doesNotMatch(output.text, /Peer Coach is listening/);
  });

  it('serves until SIGTERM, then finishes in-flight turns and exits 0', async () => {
    const port = await freePort();
    const { child, output, exited } = run({ BOT_ANONYMOUS: '1', DATA_DIR: dataDir, PORT: String(port) });
    await until(output, /Peer Coach is listening/, child);
    assert.equal((await fetch(`http://127.0.0.1:${port}/readyz`)).status, 200);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    // the log lines, in the order they were logged (pino writes the two from different places, so
    // they may reach stdout out of order, but their times do not lie)
    const logged = output.text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => JSON.parse(l) as { time: number; msg: string })
      .sort((a, b) => a.time - b.time)
      .map((l) => l.msg);
    const shutdown = logged.indexOf('shutting down: finishing in-flight turns');
    assert.ok(shutdown >= 0 && logged.indexOf('stopped') > shutdown, logged.join('\n'));
  });

  it('with TELEMETRY_SUMMARY=1, logs a summary of its metrics when it stops: start-up and store requests', async () => {
    const port = await freePort();
    const { child, output, exited } = run({
      BOT_ANONYMOUS: '1',
      DATA_DIR: dataDir,
      PORT: String(port),
      TELEMETRY_SUMMARY: '1',
    });
    await until(output, /Peer Coach is listening/, child);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    const logged = output.text
      .split('\n')
      .filter((l) => l.startsWith('{'))
      .map((l) => (JSON.parse(l) as { msg: string }).msg);
    assert.ok(logged.includes('telemetry summary, cumulative since the start'), logged.join('\n'));
    assert.ok(logged.some((m) => m.startsWith('peercoach.startup.duration count=1 ')));
    assert.ok(logged.some((m) => m.startsWith('peercoach.store.requests{operation=other,status=')));
  });

  it('exits 0 on SIGTERM while it is still waiting for the store', async () => {
    const port = await freePort();
    const { child, output, exited } = run({
      BOT_ANONYMOUS: '1',
      PORT: String(port),
      // nothing listens on the discard port
      COSMOS_ENDPOINT: 'http://127.0.0.1:9',
      COSMOS_KEY: embeddedKey,
      // what a deployment on Azure Cosmos DB must also set
      CALENDAR_LINK_SECRET: '0123456789abcdef'.repeat(4),
      BOT_ENDPOINT: 'https://peer-coach.example',
    });
    await until(output, /Cosmos DB could not be opened/, child);
    child.kill('SIGTERM');
    assert.equal(await exited, 0);
    assert.match(output.text, /stopping during start-up/);
    assert.ok(!output.text.includes(embeddedKey), 'the key is never written');
  });
});

/** every file tsc writes under dist/src and dist/cards, with when it was last written */
function builtFiles(root: string): Map<string, number> {
  const files = new Map<string, number>();
  for (const dir of ['dist/src', 'dist/cards'])
    for (const name of readdirSync(path.join(root, dir), { recursive: true, encoding: 'utf8' })) {
      const file = path.join(root, dir, name);
      const stat = statSync(file);
      if (stat.isFile()) files.set(file, stat.mtimeMs);
    }
  return files;
}

describe('index: npm start builds first', function () {
  // the first build compiles everything when dist/ is not current (in CI it is: CI builds first)
  this.timeout(240_000);
  const root = path.resolve(__dirname, '..');
  // its status is left alone: tsc emits even when the types do not check, and types are the typecheck's business
  const build = () => spawnSync('npm', ['run', 'build', '--silent'], { cwd: root, encoding: 'utf8' });

  it('builds before it starts, and a build with nothing changed since the last one writes nothing', () => {
    const scripts = (
      JSON.parse(readFileSync(path.join(root, 'package.json'), 'utf8')) as {
        scripts: Record<string, string>;
      }
    ).scripts;
    assert.equal(scripts.prestart, 'npm run build');
    build();
    const before = builtFiles(root);
    assert.ok(before.has(path.join(root, 'dist/src/index.js')), 'the build emits what npm start runs');
    build();
    const rewritten = [...builtFiles(root)].filter(([file, mtime]) => before.get(file) !== mtime);
    assert.deepEqual(
      rewritten.map(([file]) => path.relative(root, file)),
      [],
    );
  });
});
