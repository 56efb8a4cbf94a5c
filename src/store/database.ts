import { Container, Database } from '@azure/cosmos';
import { ContainerName, containerSpecs } from './containers';

/**
 * Every container Peer Coach uses, created where missing when `mayCreate` (a managed identity's
 * data-plane role may not create them: infrastructure does).
 */
export async function openContainers(
  database: Database,
  mayCreate: boolean,
): Promise<Record<ContainerName, Container>> {
  const entries = await Promise.all(
    (Object.keys(containerSpecs) as ContainerName[]).map(async (name) => {
      const spec = containerSpecs[name];
      if (!mayCreate) return [name, database.container(spec.id)] as const;
      const { container } = await database.containers.createIfNotExists({
        id: spec.id,
        partitionKey: { paths: [spec.partitionKey] },
        ...('defaultTtl' in spec ? { defaultTtl: spec.defaultTtl } : {}),
      });
      return [name, container] as const;
    }),
  );
  return Object.fromEntries(entries) as Record<ContainerName, Container>;
}

/** true when the database answers a cheap read */
export async function ping(database: Database): Promise<boolean> {
  try {
    await database.read();
    return true;
  } catch {
    return false;
  }
}
