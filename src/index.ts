import { RunningApp, startApp } from './app';
import { StartupAborted } from './store/store-startup';
import { parseConfig } from './config/config';
import { ConfigurationError } from './config/errors';
import { createLogger } from './log';
import { startTelemetry } from './telemetry/start-telemetry';

async function main(): Promise<void> {
  let config;
  try {
    config = parseConfig(process.env);
  } catch (err) {
    if (err instanceof ConfigurationError) {
      console.error(err.message);
      process.exit(1);
    }
    throw err;
  }
  const log = createLogger(config.logLevel);
  // before the app is built: its instruments come from the providers registered here
  const telemetry = await startTelemetry(config.telemetry, log.child({ component: 'telemetry' }));
  // a signal while the store is still being waited for ends start-up; after it, a graceful stop
  const starting = new AbortController();
  let app: RunningApp | undefined;
  let stopping = false;
  const stop = async (signal: string) => {
    if (stopping) return;
    stopping = true;
    if (!app) {
      log.info({ signal }, 'stopping during start-up');
      starting.abort();
      return;
    }
    log.info({ signal }, 'shutting down: finishing in-flight turns');
    await app.close();
    await telemetry.shutdown();
    log.info('stopped');
    process.exit(0);
  };
  process.on('SIGTERM', () => void stop('SIGTERM'));
  process.on('SIGINT', () => void stop('SIGINT'));
  try {
    app = await startApp(config, log, { signal: starting.signal });
  } catch (err) {
    if (err instanceof StartupAborted) {
      await telemetry.shutdown();
      process.exit(0);
    }
    throw err;
  }
}

main().catch((err: unknown) => {
  console.error('Peer Coach failed to start:', err instanceof Error ? err.message : err);
  process.exit(1);
});
