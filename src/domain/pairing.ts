/** someone waiting for a partner */
export interface Candidate {
  readonly personId: string;
  /** compared case-insensitively; unknown departments never count as "the same" */
  readonly department?: string;
}

/** an existing pair of two that a lone supervisor may join to make a trio */
export interface OpenPair {
  readonly pairId: string;
  readonly memberIds: readonly string[];
}

export interface PairingPlan {
  /** new groups of two (one of three when the number is odd) */
  readonly groups: readonly (readonly string[])[];
  /** a lone supervisor added to an existing pair, making it a trio */
  readonly joins: readonly { readonly pairId: string; readonly personId: string }[];
  /** people who could only be paired by repeating a partner; the coordinator decides */
  readonly unpaired: readonly string[];
}

export interface PairingRules {
  /** who has already been partnered with whom in this programme */
  readonly pastPartners: ReadonlyMap<string, ReadonlySet<string>>;
  /** departments of people in open pairs, for the trio choice */
  readonly departments?: ReadonlyMap<string, string>;
  /** injected randomness, so tests are repeatable */
  readonly random: () => number;
}

function dept(d: string | undefined): string | undefined {
  const t = d?.trim().toLowerCase();
  return t ? t : undefined;
}

function shuffled<T>(items: readonly T[], random: () => number): T[] {
  const a = [...items];
  for (let i = a.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [a[i], a[j]] = [a[j]!, a[i]!];
  }
  return a;
}

interface Attempt {
  groups: string[][];
  joins: { pairId: string; personId: string }[];
  unpaired: string[];
  sameDepartment: number;
}

/**
 * Pairs everyone waiting: never with a past partner, preferring colleagues from another department,
 * and an odd one out joins a pair as a trio rather than being left out. Randomised greedy, tried
 * several times; the attempt that leaves fewest unpaired and then fewest same-department pairs wins.
 */
export function planPairs(
  candidates: readonly Candidate[],
  open: readonly OpenPair[],
  rules: PairingRules,
): PairingPlan {
  const departments = new Map<string, string | undefined>(rules.departments ?? []);
  for (const c of candidates) departments.set(c.personId, dept(c.department));
  const metBefore = (a: string, b: string) =>
    rules.pastPartners.get(a)?.has(b) || rules.pastPartners.get(b)?.has(a);
  const sameDept = (a: string, b: string) => {
    const da = dept(departments.get(a));
    return da !== undefined && da === dept(departments.get(b));
  };
  const fits = (person: string, group: readonly string[]) => group.every((m) => !metBefore(person, m));
  const sameCount = (person: string, group: readonly string[]) =>
    group.filter((m) => sameDept(person, m)).length;

  const attempts = candidates.length > 200 ? 3 : 40;
  let best: Attempt | undefined;
  for (let n = 0; n < attempts; n++) {
    const order = shuffled(
      candidates.map((c) => c.personId),
      rules.random,
    );
    const free = new Set(order);
    const groups: string[][] = [];
    const loners: string[] = [];
    let sameDepartment = 0;
    for (const a of order) {
      if (!free.has(a)) continue;
      free.delete(a);
      let partner: string | undefined;
      for (const b of free) {
        if (metBefore(a, b)) continue;
        if (!sameDept(a, b)) {
          partner = b;
          break;
        }
        partner ??= b;
      }
      if (partner === undefined) {
        loners.push(a);
        continue;
      }
      free.delete(partner);
      if (sameDept(a, partner)) sameDepartment++;
      groups.push([a, partner]);
    }

    const joins: Attempt['joins'] = [];
    const unpaired: string[] = [];
    const openLeft = [...open.filter((p) => p.memberIds.length === 2)];
    for (const loner of loners) {
      // prefer a brand-new pair from this run, then an existing pair of two
      const newGroup = groups
        .filter((g) => g.length === 2 && fits(loner, g))
        .sort((x, y) => sameCount(loner, x) - sameCount(loner, y))[0];
      if (newGroup) {
        sameDepartment += sameCount(loner, newGroup);
        newGroup.push(loner);
        continue;
      }
      const existing = openLeft
        .filter((p) => fits(loner, p.memberIds))
        .sort((x, y) => sameCount(loner, x.memberIds) - sameCount(loner, y.memberIds))[0];
      if (existing) {
        sameDepartment += sameCount(loner, existing.memberIds);
        joins.push({ pairId: existing.pairId, personId: loner });
        openLeft.splice(openLeft.indexOf(existing), 1);
        continue;
      }
      unpaired.push(loner);
    }
    const attempt = { groups, joins, unpaired, sameDepartment };
    if (
      !best ||
      attempt.unpaired.length < best.unpaired.length ||
      (attempt.unpaired.length === best.unpaired.length && attempt.sameDepartment < best.sameDepartment)
    ) {
      best = attempt;
    }
    if (best.unpaired.length === 0 && best.sameDepartment === 0) break;
  }
  return best
    ? { groups: best.groups, joins: best.joins, unpaired: best.unpaired }
    : { groups: [], joins: [], unpaired: [] };
}
