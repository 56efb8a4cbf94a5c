/**
 * The embedded Cosmos DB server in a process of its own, for the dispatch and scale-out benchmarks:
 * the bots reach it over loopback as they would reach Azure, and the connector that judges their
 * sending rate does not share an event loop with it (a claim query there scans every document and
 * would stall the connector's clock). Reports `{ endpoint }` over IPC; exits when that channel closes.
 */
import { startEmbeddedCosmos } from '../../src/store/embedded-cosmos';

async function main(): Promise<void> {
  if (!process.send) throw new Error('dispatch-store must be started with an IPC channel');
  process.on('disconnect', () => process.exit(0));
  // a clean exit, so that a store started with --cpu-prof writes its profile
  process.on('SIGTERM', () => process.exit(0));
  const cosmos = await startEmbeddedCosmos();
  process.send({ endpoint: cosmos.endpoint });
}

main().catch((err: unknown) => {
  console.error('the store did not start:', err instanceof Error ? err.stack : err);
  process.exit(1);
});
