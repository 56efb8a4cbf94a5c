import assert from 'node:assert/strict';
import { Candidate, OpenPair, PairingPlan, PairingRules, planPairs } from '../../src/domain/pairing';
import { candidate, candidates, history, seededRandom } from '../support/domain-fixtures';

const seeds = Array.from({ length: 60 }, (_, i) => i + 1);

function rules(overrides: Partial<PairingRules> = {}): PairingRules {
  return { pastPartners: new Map(), random: seededRandom(1), ...overrides };
}

/** everyone the plan mentions, once per mention, sorted */
function everyone(plan: PairingPlan): string[] {
  return [...plan.groups.flat(), ...plan.joins.map((j) => j.personId), ...plan.unpaired].sort();
}

/** the plan's declared fields only (the result also carries internal scoring) */
function outline(plan: PairingPlan): PairingPlan {
  return { groups: plan.groups, joins: plan.joins, unpaired: plan.unpaired };
}

function ids(cs: readonly Candidate[]): string[] {
  return cs.map((c) => c.personId).sort();
}

function groupOf(plan: PairingPlan, personId: string): readonly string[] | undefined {
  return plan.groups.find((g) => g.includes(personId));
}

describe('planPairs', () => {
  it('puts an even number of people into pairs, leaving nobody out', () => {
    const people = candidates(6);
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ random: seededRandom(seed) }));
      assert.deepEqual(
        plan.groups.map((g) => g.length),
        [2, 2, 2],
      );
      assert.deepEqual(everyone(plan), ids(people));
      assert.deepEqual(plan.joins, []);
      assert.deepEqual(plan.unpaired, []);
    }
  });

  it('makes exactly one trio from an odd number, rather than leaving anyone out', () => {
    const people = candidates(7);
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ random: seededRandom(seed) }));
      assert.deepEqual(plan.groups.map((g) => g.length).sort(), [2, 2, 3]);
      assert.deepEqual(everyone(plan), ids(people));
      assert.deepEqual(plan.unpaired, []);
    }
  });

  it('makes the trio from this run rather than adding to a pair that already exists', () => {
    const plan = planPairs(candidates(3), [{ pairId: 'pair:old', memberIds: ['x', 'y'] }], rules());
    assert.deepEqual(
      plan.groups.map((g) => g.length),
      [3],
    );
    assert.deepEqual(plan.joins, []);
  });

  it('never pairs anyone with a past partner, whatever the random order', () => {
    const people = candidates(9);
    // everyone has met the next person round the circle: p1–p2, p2–p3 … p9–p1
    const met = history(...people.map((c, i) => [c.personId, people[(i + 1) % people.length]!.personId]));
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ pastPartners: met, random: seededRandom(seed) }));
      for (const group of plan.groups) {
        for (const a of group) {
          for (const b of group)
            assert.ok(a === b || !met.get(a)?.has(b), `seed ${seed}: ${a} met ${b} before`);
        }
      }
      assert.deepEqual(everyone(plan), ids(people), `seed ${seed}: someone is missing or counted twice`);
      assert.deepEqual(plan.unpaired, [], `seed ${seed}: a pairing without repeats exists`);
    }
  });

  it('counts a past partnership recorded on only one side', () => {
    const oneSided = new Map([['p1', new Set(['p2'])]]);
    for (const seed of seeds) {
      const plan = planPairs(
        candidates(4),
        [],
        rules({ pastPartners: oneSided, random: seededRandom(seed) }),
      );
      assert.ok(!groupOf(plan, 'p2')?.includes('p1'), `seed ${seed}: p2 was paired with p1 again`);
    }
  });

  it('pairs colleagues from different departments when it can', () => {
    const people = [
      candidate('ann', 'Cardiology'),
      candidate('bo', 'Cardiology'),
      candidate('cy', 'Surgery'),
      candidate('di', 'Surgery'),
    ];
    const department = new Map(people.map((c) => [c.personId, c.department]));
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ random: seededRandom(seed) }));
      assert.equal(plan.groups.length, 2);
      for (const [a, b] of plan.groups) {
        assert.notEqual(
          department.get(a!),
          department.get(b!),
          `seed ${seed}: ${a} and ${b} share a department`,
        );
      }
    }
  });

  it('compares departments without regard to case or surrounding spaces', () => {
    const people = [
      candidate('ann', 'Cardiology'),
      candidate('bo', ' cardiology '),
      candidate('cy', 'SURGERY'),
      candidate('di', 'surgery'),
    ];
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ random: seededRandom(seed) }));
      assert.ok(!groupOf(plan, 'ann')?.includes('bo'), `seed ${seed}: two cardiologists were paired`);
      assert.ok(!groupOf(plan, 'cy')?.includes('di'), `seed ${seed}: two surgeons were paired`);
    }
  });

  it('never counts two people whose department is unknown as being in the same one', () => {
    // un and uo have met both surgeons, so either they pair with each other (no shared department) or
    // both go with cardiologists and the surgeons must pair with each other (a shared department)
    const people = [
      candidate('un'),
      candidate('uo', '  '),
      candidate('ca', 'cardiology'),
      candidate('cb', 'cardiology'),
      candidate('sa', 'surgery'),
      candidate('sb', 'surgery'),
    ];
    const met = history(['un', 'sa'], ['un', 'sb'], ['uo', 'sa'], ['uo', 'sb']);
    for (const seed of seeds) {
      const plan = planPairs(people, [], rules({ pastPartners: met, random: seededRandom(seed) }));
      assert.deepEqual(groupOf(plan, 'un'), groupOf(plan, 'uo'), `seed ${seed}: un and uo were not paired`);
      assert.ok(!groupOf(plan, 'sa')?.includes('sb'), `seed ${seed}: the two surgeons were paired`);
    }
  });

  it('lets a lone supervisor join an existing pair of two when there is no new pair to join', () => {
    const plan = planPairs([candidate('lone')], [{ pairId: 'pair:1', memberIds: ['ann', 'bo'] }], rules());
    assert.deepEqual(outline(plan), {
      groups: [],
      joins: [{ pairId: 'pair:1', personId: 'lone' }],
      unpaired: [],
    });
  });

  it('never adds a fourth member to a pair that is already a trio', () => {
    const plan = planPairs(
      [candidate('lone')],
      [{ pairId: 'pair:3', memberIds: ['ann', 'bo', 'cy'] }],
      rules(),
    );
    assert.deepEqual(outline(plan), { groups: [], joins: [], unpaired: ['lone'] });
  });

  it('lets the lone supervisor join the existing pair from other departments', () => {
    const open: OpenPair[] = [
      { pairId: 'pair:cardio', memberIds: ['ann', 'bo'] },
      { pairId: 'pair:surgery', memberIds: ['cy', 'di'] },
    ];
    const departments = new Map([
      ['ann', 'Cardiology'],
      ['bo', 'Radiology'],
      ['cy', 'Surgery'],
      ['di', 'Surgery'],
    ]);
    const plan = planPairs([candidate('lone', 'cardiology')], open, rules({ departments }));
    assert.deepEqual(plan.joins, [{ pairId: 'pair:surgery', personId: 'lone' }]);
  });

  it('reports a lone supervisor who has met someone in every open pair as unpaired, for the coordinator', () => {
    const open: OpenPair[] = [
      { pairId: 'pair:1', memberIds: ['ann', 'bo'] },
      { pairId: 'pair:2', memberIds: ['cy', 'di'] },
    ];
    const met = history(['lone', 'bo'], ['lone', 'cy']);
    const plan = planPairs([candidate('lone')], open, rules({ pastPartners: met }));
    assert.deepEqual(outline(plan), { groups: [], joins: [], unpaired: ['lone'] });
  });

  it('sends the odd one out to an existing pair rather than into a trio with a past partner', () => {
    const met = history(['p1', 'p3']);
    for (const seed of seeds) {
      const plan = planPairs(
        candidates(3),
        [{ pairId: 'pair:old', memberIds: ['x', 'y'] }],
        rules({ pastPartners: met, random: seededRandom(seed) }),
      );
      assert.equal(plan.groups.length, 1);
      assert.equal(plan.groups[0]!.length, 2);
      assert.equal(plan.joins.length, 1);
      assert.ok(!plan.groups[0]!.includes(plan.joins[0]!.personId));
      assert.deepEqual(everyone(plan), ['p1', 'p2', 'p3']);
    }
  });

  it('returns an empty plan when nobody is waiting', () => {
    assert.deepEqual(outline(planPairs([], [{ pairId: 'pair:1', memberIds: ['a', 'b'] }], rules())), {
      groups: [],
      joins: [],
      unpaired: [],
    });
  });

  it('reports a single waiting supervisor as unpaired when there is no pair to join', () => {
    assert.deepEqual(outline(planPairs([candidate('only')], [], rules())), {
      groups: [],
      joins: [],
      unpaired: ['only'],
    });
  });

  it('pairs a cohort of 301 quickly, in 149 pairs and one trio, with nobody left out', () => {
    const departmentNames = ['Cardiology', 'Surgery', 'Paediatrics', 'Psychiatry', undefined];
    const people = candidates(301, (i) => departmentNames[i % departmentNames.length]);
    const met = history(...Array.from({ length: 150 }, (_, i) => [`p${2 * i + 1}`, `p${2 * i + 2}`]));
    const started = process.hrtime.bigint();
    const plan = planPairs(people, [], rules({ pastPartners: met, random: seededRandom(7) }));
    const ms = Number(process.hrtime.bigint() - started) / 1e6;
    assert.ok(ms < 2000, `took ${ms.toFixed(0)} ms`);
    assert.deepEqual(everyone(plan), ids(people));
    assert.deepEqual(plan.groups.map((g) => g.length).sort(), [...Array<number>(149).fill(2), 3]);
    assert.deepEqual(plan.unpaired, []);
  });
});
