import assert from 'node:assert/strict';
import { execFile } from 'node:child_process';
import * as path from 'node:path';
import { promisify } from 'node:util';
import { InMemoryMetrics } from '../../src/telemetry/in-memory-metrics';
import { azureMonitorOptions } from '../../src/telemetry/azure-monitor';

const connectionString =
  'InstrumentationKey=0a1b2c3d-0000-4000-8000-000000000abc;IngestionEndpoint=https://127.0.0.1:9/';

/**
 * Starts the distro as the bot does, in a process of its own (it patches modules and replaces the
 * global providers), and reports whether Node's HTTP client and server were wrapped for tracing.
 */
const probe = `
const http = require('node:http');
const { startAzureMonitor } = require(${JSON.stringify(path.resolve(__dirname, '../../src/telemetry/azure-monitor'))});
startAzureMonitor(${JSON.stringify(connectionString)}).then(async (stop) => {
  const again = require('node:http');
  const wrapped = [again.request, again.get, again.Server.prototype.emit].some((f) => Boolean(f.__wrapped));
  await stop().catch(() => undefined);
  console.log(JSON.stringify({ wrapped, sameModule: again === http }));
  process.exit(0);
});
`;

describe('Azure Monitor: the distro started with no automatic instrumentation', () => {
  it('exports to the configured connection string, with the local summary reading alongside', () => {
    const summary = new InMemoryMetrics();
    const options = azureMonitorOptions(connectionString, [summary.reader]);
    assert.equal(options.azureMonitorExporterOptions?.connectionString, connectionString);
    assert.deepEqual(options.metricReaders, [summary.reader]);
  });

  it('turns off every instrumentation the distro offers, so no request URL becomes telemetry', () => {
    const instrumentations = Object.entries(
      azureMonitorOptions(connectionString).instrumentationOptions ?? {},
    );
    assert.deepEqual(
      instrumentations.filter(([, options]) => options?.enabled !== false).map(([name]) => name),
      [],
    );
    for (const name of ['http', 'azureSdk'])
      assert.ok(
        instrumentations.some(([n]) => n === name),
        name,
      );
  });

  it('leaves HTTP in and out unwrapped: calendar tokens and conversation ids in URLs are never traced', async function () {
    this.timeout(60_000);
    const { stdout } = await promisify(execFile)(process.execPath, ['-r', 'tsx/cjs', '-e', probe], {
      cwd: path.resolve(__dirname, '../..'),
      env: { PATH: process.env.PATH ?? '', APPLICATIONINSIGHTS_STATSBEAT_DISABLED: 'true' },
    });
    const line = stdout.trim().split('\n').pop() ?? '';
    assert.deepEqual(JSON.parse(line), { wrapped: false, sameModule: true }, stdout);
  });
});
