import { Container } from '@azure/cosmos';
import { ContainerName, containerSpecs } from './containers';

/**
 * The account's containers differ from what Peer Coach needs: one is missing, partitioned by another
 * key, or set to keep answers for ever. Infrastructure creates the containers where a managed
 * identity is used, and Cosmos DB never changes a partition key, so this is for the operator to fix.
 */
export class StoreLayoutError extends Error {
  readonly code = 'PC-STORE-LAYOUT';
  constructor(readonly problems: readonly string[]) {
    super(`the Cosmos DB containers do not match what Peer Coach needs: ${problems.join('; ')}`);
    this.name = 'StoreLayoutError';
  }
}

/**
 * Reads each container's definition (allowed to a data-plane role) and lists what differs from
 * `containerSpecs`; empty when everything matches.
 */
export async function layoutProblems(
  containers: Readonly<Record<ContainerName, Container>>,
): Promise<string[]> {
  const problems = await Promise.all(
    (Object.keys(containerSpecs) as ContainerName[]).map(async (name) => {
      const spec = containerSpecs[name];
      let resource: { partitionKey?: { paths?: string[] }; defaultTtl?: number } | undefined;
      try {
        resource = (await containers[name].read()).resource;
      } catch (err) {
        if ((err as { code?: unknown }).code === 404) return [`container "${spec.id}" does not exist`];
        throw err;
      }
      if (!resource) return [`container "${spec.id}" does not exist`];
      const out: string[] = [];
      const paths = resource.partitionKey?.paths ?? [];
      if (paths.length !== 1 || paths[0] !== spec.partitionKey) {
        out.push(
          `container "${spec.id}" is partitioned by ${paths.join(', ') || 'nothing'}, not ${spec.partitionKey}`,
        );
      }
      const wanted = 'defaultTtl' in spec ? spec.defaultTtl : undefined;
      if (wanted !== undefined && resource.defaultTtl !== wanted) {
        out.push(
          `container "${spec.id}" has defaultTtl ${resource.defaultTtl ?? 'unset'}, not ${wanted}: what supervisors wrote would never expire`,
        );
      }
      return out;
    }),
  );
  return problems.flat();
}
