import { OperationType, PluginConfig, PluginOn, RequestContext, ResourceType } from '@azure/cosmos';
import { Telemetry } from '../telemetry/telemetry';

/** what a store request did, as the metrics name it: a closed set, whatever the SDK adds later */
export type StoreOperation =
  'read' | 'create' | 'upsert' | 'replace' | 'delete' | 'patch' | 'query' | 'batch' | 'other';

const documentOperations: ReadonlyMap<string, StoreOperation> = new Map<OperationType, StoreOperation>([
  [OperationType.Read, 'read'],
  [OperationType.Create, 'create'],
  [OperationType.Upsert, 'upsert'],
  [OperationType.Replace, 'replace'],
  [OperationType.Delete, 'delete'],
  [OperationType.Patch, 'patch'],
  [OperationType.Query, 'query'],
  [OperationType.Batch, 'batch'],
]);

/**
 * The operation on documents a request is; requests about anything else (the account, databases,
 * containers, partition key ranges) are `other`, so that `read` means reading a document.
 */
export function storeOperation(
  context: Pick<RequestContext, 'operationType' | 'resourceType'>,
): StoreOperation {
  if (context.resourceType !== ResourceType.item || !context.operationType) return 'other';
  return documentOperations.get(context.operationType) ?? 'other';
}

/** what a response (or the error the SDK throws for a 4xx/5xx) says about the request */
interface Answered {
  readonly code?: unknown;
  readonly headers?: Readonly<Record<string, unknown>>;
}

/** the HTTP status, or 0 when there was none (a network error's code is a string such as ECONNRESET) */
function status(answer: Answered | undefined): number {
  return typeof answer?.code === 'number' ? answer.code : 0;
}

function requestCharge(answer: Answered | undefined): number {
  const charge = Number(answer?.headers?.['x-ms-request-charge'] ?? 0);
  return Number.isFinite(charge) ? charge : 0;
}

/**
 * The @azure/cosmos plugin that records every HTTP request the SDK sends — each retry after a 429
 * too, which an operation-level hook would not see — as `storeRequest(operation, status, RU)`.
 * Nothing else of the request (ids, partition keys, query text) is read. A request that got no
 * answer at all (a timeout, a refused connection) counts with status 0.
 *
 * To spread into the client's options: the SDK reads `plugins` from them, though its typings leave
 * the option out (it is marked hidden). Without telemetry there is no plugin: the SDK fails on an
 * empty plugin list.
 */
export function storeTelemetryOptions(telemetry: Telemetry | undefined): { plugins?: PluginConfig[] } {
  if (!telemetry) return {};
  const plugins: PluginConfig[] = [
    {
      on: PluginOn.request,
      plugin: async (context, _diagnostics, next) => {
        const operation = storeOperation(context);
        try {
          const response = await next(context);
          telemetry.storeRequest(operation, status(response), requestCharge(response));
          return response;
        } catch (err) {
          const answer = err as Answered | undefined;
          telemetry.storeRequest(operation, status(answer), requestCharge(answer));
          throw err;
        }
      },
    },
  ];
  return { plugins };
}
