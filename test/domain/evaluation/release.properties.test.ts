import assert from 'node:assert/strict';
import fc from 'fast-check';
import {
  changeGroups,
  Direction,
  directions,
  releaseEvaluation,
} from '../../../src/domain/evaluation/release';
import { statementIds } from '../../../src/domain/evaluation/statements';
import { minimumGroup } from '../../../src/domain/report/figures';

/**
 * The later coordinator card's figures, attacked with random cohorts. The attacker knows the rule
 * (this file), every figure shown and how many answered both times; they do not know the answers.
 */

const rating = fc.integer({ min: 1, max: 5 });
const answers = fc.record(Object.fromEntries(statementIds.map((id) => [id, rating])), {
  requiredKeys: [],
}) as fc.Arbitrary<Partial<Record<(typeof statementIds)[number], number>>>;
const cohort = fc.array(
  fc.tuple(
    fc.option(answers, { nil: undefined }),
    fc.option(answers, { nil: undefined }),
    fc.option(rating, { nil: undefined }),
  ),
  {
    maxLength: 40,
  },
);

function inputOf(people: readonly (readonly [unknown, unknown, unknown])[], order: readonly number[]) {
  const baseline = new Map<string, Partial<Record<string, number>>>();
  const end = new Map<string, Partial<Record<string, number>>>();
  const overall = new Map<string, { safety: number }>();
  for (const i of order) {
    const [b, e, o] = people[i]!;
    if (b) baseline.set(`p${i}`, b as Record<string, number>);
    if (e) end.set(`p${i}`, e as Record<string, number>);
    if (o !== undefined) overall.set(`p${i}`, { safety: o as number });
  }
  return { baseline, end, overall, comments: new Map<string, string>() };
}

const inOrder = (n: number) => [...Array(n).keys()];

/** every split of `total` into higher, same, lower that the rule would show exactly as `shown` */
function consistentSplits(
  total: number,
  shown: ReturnType<typeof changeGroups>,
): Record<Direction, number>[] {
  const out: Record<Direction, number>[] = [];
  for (let higher = 0; higher <= total; higher++)
    for (let same = 0; same + higher <= total; same++) {
      const split = { higher, same, lower: total - higher - same };
      if (JSON.stringify(changeGroups(split)) === JSON.stringify(shown)) out.push(split);
    }
  return out;
}

describe('evaluation release (properties)', () => {
  it('shows no group, distribution or rating figure over fewer than five people', () => {
    fc.assert(
      fc.property(cohort, (people) => {
        const release = releaseEvaluation(inputOf(people, inOrder(people.length)));
        if (!release) return;
        assert.ok(release.endAnswered >= minimumGroup);
        for (const s of release.statements) {
          for (const d of [s.baseline, s.end]) if (d) assert.ok(d.people >= minimumGroup);
          for (const g of s.change?.groups ?? []) assert.ok(g.count >= minimumGroup, JSON.stringify(g));
        }
        for (const d of Object.values(release.overall)) assert.ok(d.people >= minimumGroup);
      }),
      { numRuns: 400 },
    );
  });

  it('shows nothing at all when fewer than five answered at the end', () => {
    fc.assert(
      fc.property(cohort, (people) => {
        const release = releaseEvaluation(inputOf(people, inOrder(people.length)));
        const ended = people.filter(([, e, o]) => (e && Object.keys(e).length > 0) || o !== undefined).length;
        assert.equal(release === undefined, ended < minimumGroup);
      }),
      { numRuns: 300 },
    );
  });

  it('lets no hidden group be computed from the groups shown and the total', () => {
    const split = fc.record({
      higher: fc.integer({ min: 0, max: 30 }),
      same: fc.integer({ min: 0, max: 30 }),
      lower: fc.integer({ min: 0, max: 30 }),
    });
    fc.assert(
      fc.property(split, (counts) => {
        const shown = changeGroups(counts);
        if (!shown) return;
        const total = counts.higher + counts.same + counts.lower;
        assert.equal(shown.answeredBoth, total);
        const candidates = consistentSplits(total, shown);
        for (const d of directions) {
          const alone = shown.groups.some((g) => g.directions.length === 1 && g.directions[0] === d);
          const values = new Set(candidates.map((c) => c[d]));
          if (!alone)
            assert.ok(
              values.size > 1,
              `${d} is hidden but only ${[...values]} fits ${JSON.stringify(shown)}`,
            );
        }
      }),
      { numRuns: 1000 },
    );
  });

  it('gives the same figures for the same answers, in whatever order they are read', () => {
    fc.assert(
      fc.property(
        cohort.chain((people) =>
          fc.tuple(
            fc.constant(people),
            fc.shuffledSubarray(inOrder(people.length), { minLength: people.length }),
          ),
        ),
        ([people, order]) => {
          assert.deepEqual(
            releaseEvaluation(inputOf(people, order)),
            releaseEvaluation(inputOf(people, inOrder(people.length))),
          );
        },
      ),
      { numRuns: 300 },
    );
  });
});
