import assert from 'node:assert/strict';
import fc from 'fast-check';
import { figureRows } from '../../../src/cards/report-card';
import { computeFigures } from '../../../src/domain/report/figures';
import { PromptFact } from '../../../src/domain/report/facts';
import { nextRelease, ReleasedFigures, shownFigures } from '../../../src/domain/report/release';
import { wordsFor } from '../../../src/i18n';
import { facts, rating } from '../../support/report-fixtures';

/**
 * The differencing attack on the average safety rating, played over random sequences of ratings,
 * erasures (`delete my data`) and report readings.
 *
 * The attacker is stronger than a real coordinator: for every shown average they know exactly which
 * ratings it was computed over (so the counts, and who joined or left between two reports), and how
 * the shown number was rounded. They do not know the ratings themselves.
 *
 * "Derivable": take two consecutive reports that both show an average, computed over the rating
 * sets S1 and S2. Split them into the ratings in both (U), only in the first (E: erased since) and
 * only in the second (A: given since). For one rating t in A or E, a value x in 1..5 is possible
 * when some assignment of 1..5 to every other rating reproduces both shown values with t = x. The
 * rating is derivable when exactly one x is possible. Only sums matter, so the search is over the
 * sums of U, E and A (every whole number between |X| and 5|X| is reachable for a set X).
 */

const english = wordsFor('en-GB', 'Europe/Stockholm');
const start = Date.parse('2026-11-10T08:00:00Z');
const minute = 60_000;

type Step =
  | { readonly kind: 'rate'; readonly host: number; readonly value: number }
  | { readonly kind: 'erase'; readonly host: number }
  | { readonly kind: 'read' };

/** what a coordinator saw at one reading, and which reading's ratings it was computed over */
interface Seen {
  /** the average as shown, or undefined where withheld */
  readonly value: number | undefined;
  /** the index of the reading whose ratings the shown value was computed over */
  readonly basis: number;
}

/** one way of reading the report: reading `index` over `prompts` at `now` */
interface Reader {
  /** half the width of the interval a shown value stands for */
  readonly halfStep: number;
  read(prompts: readonly PromptFact[], now: Date, index: number, times: readonly number[]): Seen;
}

/** the shown text of the safety row, as the card and the CSV show it */
function shownSafety(rows: readonly { label: string; value: string }[]): number | undefined {
  const row = rows.find((r) => r.label === english.t('report.safety'))!;
  return row.value === english.t('report.fewerThanFive') ? undefined : Number(row.value);
}

/** the report as computed on every reading, straight from the facts */
const exactReader: Reader = {
  halfStep: 0.05,
  read(prompts, now, index) {
    const figures = computeFigures(facts({ prompts }), now);
    return { value: shownSafety(figureRows(figures, english)), basis: index };
  },
};

/**
 * The report as coordinators see it: the released figures, with the store's document held here
 * (ReportService.figures writes the same record under its ETag).
 */
function reportReader(): Reader {
  let released: ReleasedFigures | undefined;
  return {
    halfStep: 0.25,
    read(prompts, now, index, times) {
      const f = facts({ prompts });
      const computed = computeFigures(f, now);
      released = nextRelease(computed, f, released, now) ?? released;
      const value = shownSafety(figureRows(shownFigures(computed, released), english));
      const computedAt = released?.figures.safetyRating?.computedAt;
      const basis = computedAt === undefined ? index : times.indexOf(Date.parse(computedAt));
      assert.ok(basis >= 0 && basis <= index);
      return { value, basis };
    },
  };
}

/** pairs of reports with different ratings behind them that the attack has compared, so far */
let compared = 0;

/** every rating derivable from consecutive readings; see "Derivable" above */
function differencingAttack(
  seen: readonly Seen[],
  ratingsAt: readonly ReadonlyMap<string, number>[],
  halfStep: number,
): { readonly reading: number; readonly id: string; readonly value: number }[] {
  const found: { reading: number; id: string; value: number }[] = [];
  for (let j = 1; j < seen.length; j++) {
    const [before, after] = [seen[j - 1]!, seen[j]!];
    if (before.value === undefined || after.value === undefined || before.basis === after.basis) continue;
    compared++;
    const s1 = ratingsAt[before.basis]!;
    const s2 = ratingsAt[after.basis]!;
    const u = [...s1.keys()].filter((id) => s2.has(id)).length;
    const erased = [...s1.keys()].filter((id) => !s2.has(id));
    const given = [...s2.keys()].filter((id) => !s1.has(id));
    const sums = (n: number, v: number) => [n * (v - halfStep) - 1e-9, n * (v + halfStep) + 1e-9] as const;
    const [lo1, hi1] = sums(s1.size, before.value);
    const [lo2, hi2] = sums(s2.size, after.value);
    /** a whole number in [lo, hi] that a sum over `count` ratings, plus `fixed`, can take */
    const reachable = (count: number, fixed: number, lo: number, hi: number) =>
      Math.max(Math.ceil(lo), count + fixed) <= Math.min(Math.floor(hi), 5 * count + fixed);
    const possible = (x: number, inGiven: boolean) => {
      for (let su = u; su <= 5 * u; su++) {
        const e = inGiven
          ? reachable(erased.length, su, lo1, hi1)
          : reachable(erased.length - 1, su + x, lo1, hi1);
        const a = inGiven
          ? reachable(given.length - 1, su + x, lo2, hi2)
          : reachable(given.length, su, lo2, hi2);
        if (e && a) return true;
      }
      return false;
    };
    for (const [ids, inGiven, from] of [
      [given, true, s2],
      [erased, false, s1],
    ] as const) {
      for (const id of ids) {
        const values = [1, 2, 3, 4, 5].filter((x) => possible(x, inGiven));
        assert.ok(values.includes(from.get(id)!), 'the true rating is always possible');
        if (values.length === 1) found.push({ reading: j, id, value: values[0]! });
      }
    }
  }
  return found;
}

/** plays the steps: hosts h0…h11 rate (each rating its own after-prompt), erase all they rated, or the report is read */
function play(steps: readonly Step[], reader: Reader) {
  const prompts: PromptFact[] = [];
  const seen: Seen[] = [];
  const ratingsAt: Map<string, number>[] = [];
  const times: number[] = [];
  steps.forEach((step, i) => {
    const now = start + (i + 1) * minute;
    if (step.kind === 'rate') {
      const p = rating(`h${step.host}`, step.value);
      prompts.push({ ...p, answeredAt: new Date(now).toISOString() });
    } else if (step.kind === 'erase') {
      for (const [k, p] of prompts.entries()) {
        if (p.personId !== `h${step.host}`) continue;
        const { safetyRating: _r, ...rest } = p;
        prompts[k] = rest;
      }
    } else {
      const index = seen.length;
      times.push(now);
      ratingsAt.push(new Map(prompts.filter((p) => p.safetyRating).map((p) => [p.id, p.safetyRating!])));
      seen.push(reader.read(prompts, new Date(now), index, times));
    }
  });
  return { seen, ratingsAt };
}

const step: fc.Arbitrary<Step> = fc.oneof(
  {
    weight: 6,
    arbitrary: fc.record({
      kind: fc.constant('rate' as const),
      host: fc.nat(11),
      value: fc.integer({ min: 1, max: 5 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ kind: fc.constant('erase' as const), host: fc.nat(11) }) },
  { weight: 3, arbitrary: fc.constant({ kind: 'read' as const }) },
);

/** the case from the report that started this: five hosts, a sixth, then the sixth deletes their data */
const issueCase: Step[] = [
  ...[5, 5, 4, 4, 5].map((value, host) => ({ kind: 'rate' as const, host, value })),
  { kind: 'read' },
  { kind: 'rate', host: 5, value: 1 },
  { kind: 'read' },
  { kind: 'erase', host: 5 },
  { kind: 'read' },
];

describe('the safety rating against a differencing attack', () => {
  it('the attack recovers the sixth host’s rating from the exact average (the attack works)', () => {
    const { seen, ratingsAt } = play(issueCase, exactReader);
    assert.deepEqual(
      seen.map((s) => s.value),
      [4.6, 4, 4.6],
    );
    const found = differencingAttack(seen, ratingsAt, exactReader.halfStep);
    assert.deepEqual(
      found.map((f) => [f.reading, f.value]),
      [
        [1, 1],
        [2, 1],
      ],
    );
  });

  it('no rating is derivable from any two consecutive reports, whatever the sequence', () => {
    compared = 0;
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 80, size: 'max' }), (steps) => {
        const reader = reportReader();
        const { seen, ratingsAt } = play(steps, reader);
        assert.deepEqual(differencingAttack(seen, ratingsAt, reader.halfStep), []);
      }),
      { numRuns: 400 },
    );
    assert.ok(compared > 200, `the figure took steps in the sequences played (${compared} compared)`);
  });

  it('the issue’s sequence reveals nothing: not the sixth rating, nor through the erasure', () => {
    const reader = reportReader();
    const { seen, ratingsAt } = play(issueCase, reader);
    assert.deepEqual(differencingAttack(seen, ratingsAt, reader.halfStep), []);
  });

  it('reading the report again with nothing new shows the same', () => {
    fc.assert(
      fc.property(fc.array(step, { minLength: 1, maxLength: 60, size: 'max' }), fc.nat(5), (steps, extra) => {
        const reader = reportReader();
        const again = [...steps, ...Array.from({ length: extra + 2 }, () => ({ kind: 'read' as const }))];
        const { seen } = play(again, reader);
        const tail = seen.slice(-(extra + 2)).map((s) => s.value);
        assert.ok(tail.every((v) => v === tail[0]));
      }),
      { numRuns: 200 },
    );
  });
});
