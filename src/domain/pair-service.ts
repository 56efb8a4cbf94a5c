import { randomUUID } from 'node:crypto';
import { Clock } from './clock';
import { Enrolment, enrolmentId, Pair } from './membership';
import { mutate } from './mutate';
import { NoticeBoard } from './notices';
import { planPairs } from './pairing';
import { Programme } from './programme';
import { Repositories } from './repositories';

export type FormOutcome =
  | { readonly status: 'formed'; readonly pair: Pair }
  /** someone was paired by another action meanwhile, or is no longer enrolled */
  | { readonly status: 'taken'; readonly personIds: readonly string[] };

export type ManualPairOutcome =
  | FormOutcome
  | {
      readonly status: 'invalid';
      readonly reason: 'pairing.error.size' | 'pairing.error.same' | 'pairing.error.notEnrolled';
    }
  | { readonly status: 'metBefore' };

export interface AutoPairOutcome {
  readonly formed: readonly Pair[];
  /** lone supervisors who joined an existing pair, making it a trio */
  readonly joined: readonly Pair[];
  /** names of people who could only be paired by repeating a partner */
  readonly unpaired: readonly string[];
}

/** who has been partnered with whom in a programme */
export function pastPartners(pairs: readonly Pair[]): Map<string, Set<string>> {
  const met = new Map<string, Set<string>>();
  for (const p of pairs) {
    for (const a of p.memberIds) {
      const set = met.get(a) ?? new Set<string>();
      for (const b of p.memberIds) if (b !== a) set.add(b);
      met.set(a, set);
    }
  }
  return met;
}

/**
 * Forms pairs. Membership is claimed on each enrolment under an ETag guard, so a person can never
 * end up in two pairs, whichever instance and whichever action (coordinator, automatic, invitation)
 * gets there first.
 */
export class PairService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly notices: NoticeBoard,
    private readonly random: () => number = Math.random,
  ) {}

  private async claim(programmeId: string, personId: string, pairId: string): Promise<boolean> {
    const result = await mutate(this.repos.programmes.enrolments, enrolmentId(personId), programmeId, (e) =>
      e && !e.pairId ? { ...e, pairId } : undefined,
    );
    return result.doc?.pairId === pairId;
  }

  private async release(programmeId: string, personId: string, pairId: string): Promise<void> {
    await mutate(this.repos.programmes.enrolments, enrolmentId(personId), programmeId, (e) => {
      if (!e || e.pairId !== pairId) return undefined;
      const { pairId: _p, ...rest } = e;
      return rest;
    });
  }

  /** claims every member's enrolment, then records the pair; all or nothing */
  async form(
    programme: Programme,
    members: readonly Enrolment[],
    formedBy: Pair['formedBy'],
  ): Promise<FormOutcome> {
    const pairId = `pair:${randomUUID()}`;
    const claimed: string[] = [];
    const ids = members.map((m) => m.personId).sort();
    for (const id of ids) {
      if (await this.claim(programme.id, id, pairId)) {
        claimed.push(id);
        continue;
      }
      await Promise.all(claimed.map((c) => this.release(programme.id, c, pairId)));
      return { status: 'taken', personIds: [id] };
    }
    const pair: Pair = {
      type: 'pair',
      id: pairId,
      programmeId: programme.id,
      memberIds: members.map((m) => m.personId),
      memberNames: Object.fromEntries(members.map((m) => [m.personId, m.displayName])),
      formedBy,
      formedAt: this.clock.now().toISOString(),
    };
    await this.repos.programmes.pairs.create(pair);
    return { status: 'formed', pair };
  }

  /** tells every member of a pair who their peers are */
  async announce(programme: Programme, pair: Pair, only?: readonly string[]): Promise<void> {
    await this.notices.post(
      pair.memberIds
        .filter((id) => !only || only.includes(id))
        .map((id) => ({
          kind: 'paired' as const,
          to: id,
          programmeName: programme.name,
          peerNames: pair.memberIds.filter((m) => m !== id).map((m) => pair.memberNames[m] ?? ''),
        })),
    );
  }

  /** a coordinator pairs two (or three) people by hand */
  async pairManually(programme: Programme, personIds: readonly string[]): Promise<ManualPairOutcome> {
    const ids = personIds.map((p) => p.trim().toLowerCase()).filter(Boolean);
    if (ids.length < 2 || ids.length > 3) return { status: 'invalid', reason: 'pairing.error.size' };
    if (new Set(ids).size !== ids.length) return { status: 'invalid', reason: 'pairing.error.same' };
    const enrolments = await Promise.all(
      ids.map((id) => this.repos.programmes.enrolments.read(enrolmentId(id), programme.id)),
    );
    if (enrolments.some((e) => !e)) return { status: 'invalid', reason: 'pairing.error.notEnrolled' };
    const members = enrolments.map((e) => e!.doc);
    const taken = members.filter((m) => m.pairId).map((m) => m.personId);
    if (taken.length > 0) return { status: 'taken', personIds: taken };
    const met = pastPartners(await this.repos.programmes.pairsOf(programme.id));
    if (ids.some((a) => ids.some((b) => met.get(a)?.has(b)))) return { status: 'metBefore' };
    const outcome = await this.form(programme, members, 'coordinator');
    if (outcome.status === 'formed') await this.announce(programme, outcome.pair);
    return outcome;
  }

  /** pairs everyone still waiting, by the rules in planPairs */
  async pairAutomatically(programme: Programme): Promise<AutoPairOutcome> {
    const [enrolments, pairs] = await Promise.all([
      this.repos.programmes.enrolmentsOf(programme.id),
      this.repos.programmes.pairsOf(programme.id),
    ]);
    const waiting = enrolments.filter((e) => !e.pairId);
    const byId = new Map(enrolments.map((e) => [e.personId, e]));
    const people = await Promise.all(waiting.map((e) => this.repos.people.read(e.personId, e.personId)));
    const pairedIds = pairs.flatMap((pair) => pair.memberIds);
    const paired = await Promise.all(pairedIds.map((id) => this.repos.people.read(id, id)));
    const departments = new Map<string, string>();
    paired.forEach((p, i) => p?.doc.department && departments.set(pairedIds[i]!, p.doc.department));
    const plan = planPairs(
      waiting.map((e, i) => ({ personId: e.personId, department: people[i]?.doc.department })),
      pairs.map((p) => ({ pairId: p.id, memberIds: p.memberIds })),
      { pastPartners: pastPartners(pairs), departments, random: this.random },
    );

    const formed: Pair[] = [];
    const unpaired = plan.unpaired.map((id) => byId.get(id)?.displayName ?? id);
    for (const group of plan.groups) {
      const outcome = await this.form(
        programme,
        group.map((id) => byId.get(id)!),
        'coordinator',
      );
      if (outcome.status === 'formed') {
        formed.push(outcome.pair);
        await this.announce(programme, outcome.pair);
      } else unpaired.push(...group.map((id) => byId.get(id)?.displayName ?? id));
    }
    const joined: Pair[] = [];
    for (const join of plan.joins) {
      const pair = await this.join(programme, join.pairId, byId.get(join.personId)!);
      if (pair) {
        joined.push(pair);
        await this.announce(programme, pair);
      } else unpaired.push(byId.get(join.personId)?.displayName ?? join.personId);
    }
    return { formed, joined, unpaired };
  }

  /** adds a lone supervisor to a pair of two, making it a trio */
  private async join(programme: Programme, pairId: string, member: Enrolment): Promise<Pair | undefined> {
    if (!(await this.claim(programme.id, member.personId, pairId))) return undefined;
    const result = await mutate(this.repos.programmes.pairs, pairId, programme.id, (p) =>
      p && p.memberIds.length === 2
        ? {
            ...p,
            memberIds: [...p.memberIds, member.personId],
            memberNames: { ...p.memberNames, [member.personId]: member.displayName },
          }
        : undefined,
    );
    if (result.changed) return result.doc;
    await this.release(programme.id, member.personId, pairId);
    return undefined;
  }
}
