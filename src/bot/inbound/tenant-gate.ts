import { Clock } from '../../domain/clock';
import { Logger } from '../../log';

/** whether an activity may be served, and for which tenant */
export type Admission =
  | { readonly admitted: true; readonly tenantId: string }
  | {
      readonly admitted: false;
      readonly reason: 'channel' | 'no-tenant' | 'tenant';
      readonly tenantId?: string;
    };

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/**
 * The tenant an activity comes from. Teams names it twice (the conversation and channelData); an
 * activity whose two names differ is not from Teams, so it has no tenant we could serve.
 */
export function tenantOf(activity: Record<string, unknown>): string | undefined {
  const conversation = isObject(activity.conversation) ? activity.conversation : {};
  const channelData = isObject(activity.channelData) ? activity.channelData : {};
  const tenant = isObject(channelData.tenant) ? channelData.tenant : {};
  const names = [conversation.tenantId, tenant.id]
    .filter((v) => v !== undefined)
    .map((v) => (typeof v === 'string' ? v.trim().toLowerCase() : ''));
  if (names.length === 0 || names.some((n) => n === '' || n !== names[0])) return undefined;
  return names[0];
}

/**
 * Teams only, and only the tenants the operator allowed. Checked after authentication and before
 * any store work: a refused activity is answered 403, and nothing is read, stored or sent.
 */
export class TenantGate {
  private readonly allowed: ReadonlySet<string>;
  /** when each refused tenant was last logged; bounded, since anyone can make up tenant ids */
  private readonly lastLogged = new Map<string, number>();

  constructor(
    allowedTenantIds: readonly string[],
    private readonly clock: Clock,
    private readonly log: Logger,
    private readonly logEveryMs = 60_000,
  ) {
    this.allowed = new Set(allowedTenantIds.map((t) => t.toLowerCase()));
  }

  admit(activity: Record<string, unknown>): Admission {
    const tenantId = tenantOf(activity);
    const admission: Admission =
      activity.channelId !== 'msteams'
        ? { admitted: false, reason: 'channel', ...(tenantId ? { tenantId } : {}) }
        : !tenantId
          ? { admitted: false, reason: 'no-tenant' }
          : this.allowed.has(tenantId)
            ? { admitted: true, tenantId }
            : { admitted: false, reason: 'tenant', tenantId };
    if (!admission.admitted) this.logRefusal(admission, activity.channelId);
    return admission;
  }

  /** one line per refused tenant (or channel) a minute: enough to notice, too little to flood the log */
  private logRefusal(refusal: Exclude<Admission, { admitted: true }>, channelId: unknown): void {
    const channel = typeof channelId === 'string' ? channelId.slice(0, 40) : typeof channelId;
    const key = `${refusal.reason}:${refusal.tenantId ?? ''}:${refusal.reason === 'channel' ? channel : ''}`;
    const now = this.clock.now().getTime();
    const last = this.lastLogged.get(key);
    if (last !== undefined && now - last < this.logEveryMs) return;
    if (this.lastLogged.size >= 1_000) this.lastLogged.clear();
    this.lastLogged.set(key, now);
    this.log.warn(
      {
        reason: refusal.reason,
        tenantId: refusal.tenantId?.slice(0, 64),
        ...(refusal.reason === 'channel' ? { channelId: channel } : {}),
      },
      'activity refused: not from an allowed Teams tenant',
    );
  }
}
