import assert from 'node:assert/strict';
import { changeGroups, releasedComments, releaseEvaluation } from '../../../src/domain/evaluation/release';

const all = (v: number) => ({
  strategies: v,
  complexity: v,
  reflection: v,
  feedback: v,
  learnerPerspective: v,
  sharedConcern: v,
});

function people(values: readonly number[]): Map<string, ReturnType<typeof all>> {
  return new Map(values.map((v, i) => [`p${i}`, all(v)]));
}

describe('evaluation release', () => {
  it('counts each rating and takes the median at baseline and at the end', () => {
    const release = releaseEvaluation({
      baseline: people([1, 2, 2, 3, 5, 5]),
      end: people([3, 3, 4, 4, 5, 5]),
      overall: new Map(),
      comments: new Map(),
    })!;
    const first = release.statements[0]!;
    assert.equal(first.statement, 'strategies');
    assert.deepEqual(first.baseline, { people: 6, counts: [1, 2, 1, 0, 2], median: 2.5 });
    assert.deepEqual(first.end, { people: 6, counts: [0, 0, 2, 2, 2], median: 4 });
    assert.deepEqual(release.overall, {});
    assert.equal(release.comments, undefined);
  });

  it('is nothing at all while fewer than five have answered at the end', () => {
    assert.equal(
      releaseEvaluation({
        baseline: people([1, 2, 3, 4, 5]),
        end: people([1, 2, 3, 4]),
        overall: new Map(),
        comments: new Map(),
      }),
      undefined,
    );
  });

  it('shows every direction of change that five or more share', () => {
    assert.deepEqual(changeGroups({ higher: 6, same: 5, lower: 7 })?.groups, [
      { directions: ['higher'], count: 6 },
      { directions: ['same'], count: 5 },
      { directions: ['lower'], count: 7 },
    ]);
  });

  it('merges a small group into "the same", so that it cannot be found by subtraction', () => {
    assert.deepEqual(changeGroups({ higher: 9, same: 5, lower: 2 })?.groups, [
      { directions: ['higher'], count: 9 },
      { directions: ['same', 'lower'], count: 7 },
    ]);
    assert.deepEqual(changeGroups({ higher: 9, same: 2, lower: 6 })?.groups, [
      { directions: ['higher'], count: 9 },
      { directions: ['same', 'lower'], count: 8 },
    ]);
  });

  it('merges a small "same" with another small group, or everything when that is not enough or "higher" and "lower" are both small', () => {
    assert.deepEqual(changeGroups({ higher: 9, same: 2, lower: 3 })?.groups, [
      { directions: ['higher'], count: 9 },
      { directions: ['same', 'lower'], count: 5 },
    ]);
    assert.deepEqual(changeGroups({ higher: 4, same: 9, lower: 4 })?.groups, [
      { directions: ['higher', 'same', 'lower'], count: 17 },
    ]);
    assert.deepEqual(changeGroups({ higher: 9, same: 1, lower: 2 })?.groups, [
      { directions: ['higher', 'same', 'lower'], count: 12 },
    ]);
    assert.equal(changeGroups({ higher: 2, same: 1, lower: 1 }), undefined);
  });

  it('shows each overall rating over five or more, "recommend" on its 0–10 scale', () => {
    const overall = new Map(
      [0, 7, 9, 10, 10].map((recommend, i) => [
        `p${i}`,
        { safety: 4, usefulness: i < 4 ? 5 : undefined, recommend },
      ]),
    );
    const release = releaseEvaluation({ baseline: new Map(), end: new Map(), overall, comments: new Map() })!;
    assert.equal(release.endAnswered, 5);
    assert.deepEqual(release.overall.safety, { people: 5, counts: [0, 0, 0, 5, 0], median: 4 });
    assert.equal(release.overall.usefulness, undefined);
    assert.deepEqual(release.overall.recommend, {
      people: 5,
      counts: [1, 0, 0, 0, 0, 0, 0, 1, 0, 1, 2],
      median: 9,
    });
  });

  it('releases no comment while fewer than five people wrote one', () => {
    const four = new Map(['a', 'b', 'c', 'd'].map((t, i) => [`p${i}`, `comment ${t}`]));
    assert.equal(releasedComments(four), undefined);
    assert.equal(releasedComments(new Map([...four, ['p4', '   ']])), undefined);
  });

  it('releases five comments as their texts only, in an order that does not follow who wrote them', () => {
    const texts = ['one', 'two', 'three', 'four', 'five', 'six', 'seven', 'eight'];
    const byPerson = new Map(texts.map((t, i) => [`person-${i}`, t]));
    const released = releasedComments(byPerson)!;
    assert.deepEqual([...released].sort(), [...texts].sort());
    assert.notDeepEqual(released, texts);
    assert.notDeepEqual(released, [...texts].sort());
    // other people writing the same words, in another order, get the very same order
    const others = new Map([...texts].reverse().map((t, i) => [`someone-${i * 7}`, t]));
    assert.deepEqual(releasedComments(others), released);
  });
});
