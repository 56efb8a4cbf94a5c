import assert from 'node:assert/strict';
import sinon from 'sinon';
import { Pair } from '../../src/domain/membership';
import {
  openProgrammeWorld,
  postedNotices,
  ProgrammeWorld,
  supervisor,
  Supervisor,
} from '../support/domain-fixtures';
import { eachTest } from '../support/each-test';

describe('PairService (real SDK, embedded server)', () => {
  const avery = supervisor(1, 'Avery Lind');
  const blake = supervisor(2, 'Blake Berg');
  const chris = supervisor(3, 'Chris Dahl');
  const dana = supervisor(4, 'Dana Ek');
  const stranger = supervisor(9, 'Sam Stranger');
  let w: ProgrammeWorld;

  eachTest(openProgrammeWorld, async (opened) => {
    w = opened;
    await w.enrol(avery, blake, chris, dana);
  });

  const pairIdOf = async (personId: string) => (await w.enrolment(personId))?.pairId;
  const enrolmentOf = async (s: Supervisor) =>
    (await w.enrolment(s.personId)) ?? assert.fail(`${s.displayName} is not enrolled`);

  describe('pairManually', () => {
    it('refuses fewer than two or more than three people', async () => {
      for (const ids of [[], [avery.personId], [avery, blake, chris, dana].map((s) => s.personId)]) {
        assert.deepEqual(await w.pairs.pairManually(w.programme, ids), {
          status: 'invalid',
          reason: 'pairing.error.size',
        });
      }
      assert.deepEqual(await w.storedPairs(), []);
      sinon.assert.notCalled(w.notices.post);
    });

    it('refuses the same person twice, however the id is written', async () => {
      assert.deepEqual(
        await w.pairs.pairManually(w.programme, [avery.personId, ` ${avery.personId.toUpperCase()} `]),
        {
          status: 'invalid',
          reason: 'pairing.error.same',
        },
      );
      assert.equal(await pairIdOf(avery.personId), undefined);
    });

    it('refuses someone who is not enrolled in the programme', async () => {
      assert.deepEqual(await w.pairs.pairManually(w.programme, [avery.personId, stranger.personId]), {
        status: 'invalid',
        reason: 'pairing.error.notEnrolled',
      });
      assert.equal(await pairIdOf(avery.personId), undefined, 'the enrolled one was not claimed');
    });

    it('refuses someone who already has a peer, naming them', async () => {
      await w.pairs.pairManually(w.programme, [avery.personId, blake.personId]);
      const firstPair = await pairIdOf(blake.personId);
      assert.deepEqual(await w.pairs.pairManually(w.programme, [blake.personId, chris.personId]), {
        status: 'taken',
        personIds: [blake.personId],
      });
      assert.equal(await pairIdOf(blake.personId), firstPair);
      assert.equal(await pairIdOf(chris.personId), undefined);
      assert.equal((await w.storedPairs()).length, 1);
    });

    it('refuses to pair people who were partners before in this programme', async () => {
      const earlier: Pair = {
        type: 'pair',
        id: 'pair:earlier',
        programmeId: w.programme.id,
        memberIds: [avery.personId, blake.personId],
        memberNames: { [avery.personId]: avery.displayName, [blake.personId]: blake.displayName },
        formedBy: 'coordinator',
        formedAt: w.clock.now().toISOString(),
      };
      await w.store.repos.programmes.pairs.create(earlier);
      assert.deepEqual(await w.pairs.pairManually(w.programme, [blake.personId, avery.personId]), {
        status: 'metBefore',
      });
      assert.equal(await pairIdOf(avery.personId), undefined);
    });

    it("forms the pair, records it on every member's enrolment and tells each who their peer is", async () => {
      const outcome = await w.pairs.pairManually(w.programme, [avery.personId.toUpperCase(), blake.personId]);
      assert.equal(outcome.status, 'formed');
      const pair = outcome.status === 'formed' ? outcome.pair : assert.fail('not formed');
      assert.match(pair.id, /^pair:/);
      assert.deepEqual(pair.memberIds, [avery.personId, blake.personId]);
      assert.deepEqual(pair.memberNames, { [avery.personId]: 'Avery Lind', [blake.personId]: 'Blake Berg' });
      assert.equal(pair.formedBy, 'coordinator');

      assert.equal(await pairIdOf(avery.personId), pair.id);
      assert.equal(await pairIdOf(blake.personId), pair.id);
      assert.deepEqual(await w.storedPairs(), [pair]);

      sinon.assert.calledOnce(w.notices.post);
      assert.deepEqual(postedNotices(w.notices), [
        { kind: 'paired', to: avery.personId, programmeName: w.programme.name, peerNames: ['Blake Berg'] },
        { kind: 'paired', to: blake.personId, programmeName: w.programme.name, peerNames: ['Avery Lind'] },
      ]);
    });

    it('forms a trio and tells each member both peers', async () => {
      const outcome = await w.pairs.pairManually(
        w.programme,
        [avery, blake, chris].map((s) => s.personId),
      );
      assert.equal(outcome.status, 'formed');
      assert.deepEqual(
        postedNotices(w.notices).map((n) => n.kind === 'paired' && [n.to, n.peerNames]),
        [
          [avery.personId, ['Blake Berg', 'Chris Dahl']],
          [blake.personId, ['Avery Lind', 'Chris Dahl']],
          [chris.personId, ['Avery Lind', 'Blake Berg']],
        ],
      );
    });
  });

  describe('form', () => {
    it('releases everyone it claimed when a later member turns out to be taken', async () => {
      // Avery sorts before Blake, so Avery is claimed first and must be let go again
      const [averyEnrolment, blakeEnrolment] = [await enrolmentOf(avery), await enrolmentOf(blake)];
      await w.pairs.pairManually(w.programme, [blake.personId, chris.personId]);
      const outcome = await w.pairs.form(w.programme, [averyEnrolment, blakeEnrolment], 'coordinator');
      assert.deepEqual(outcome, { status: 'taken', personIds: [blake.personId] });
      assert.equal(await pairIdOf(avery.personId), undefined);
      assert.equal((await w.storedPairs()).length, 1, 'no second pair was recorded');
    });

    it('lets exactly one of two concurrent pairings that share a member succeed, leaving no half-claimed enrolment', async () => {
      const [a, b, c] = [await enrolmentOf(avery), await enrolmentOf(blake), await enrolmentOf(chris)];
      const outcomes = await Promise.all([
        w.pairs.form(w.programme, [a, b], 'coordinator'),
        w.pairs.form(w.programme, [b, c], 'coordinator'),
      ]);

      const formed = outcomes.filter((o) => o.status === 'formed');
      assert.equal(formed.length, 1, `outcomes: ${JSON.stringify(outcomes)}`);
      assert.deepEqual(
        outcomes.find((o) => o.status === 'taken'),
        { status: 'taken', personIds: [blake.personId] },
      );
      const pair = formed[0]!.status === 'formed' ? formed[0]!.pair : assert.fail('not formed');
      assert.deepEqual(await w.storedPairs(), [pair]);
      for (const s of [avery, blake, chris]) {
        const expected = pair.memberIds.includes(s.personId) ? pair.id : undefined;
        assert.equal(await pairIdOf(s.personId), expected, `${s.displayName}'s enrolment`);
      }
    });

    it('keeps people in one pair each when many pairings race for the same people', async () => {
      const [a, b, c, d] = [
        await enrolmentOf(avery),
        await enrolmentOf(blake),
        await enrolmentOf(chris),
        await enrolmentOf(dana),
      ];
      const groups = [
        [a, b],
        [b, c],
        [c, d],
        [d, a],
        [a, c],
        [b, d],
      ];
      await Promise.all(groups.map((g) => w.pairs.form(w.programme, g, 'coordinator')));

      const pairs = await w.storedPairs();
      assert.ok(pairs.length >= 1 && pairs.length <= 2);
      const memberships = pairs.flatMap((p) => p.memberIds);
      assert.equal(new Set(memberships).size, memberships.length, 'someone is in two pairs');
      for (const s of [avery, blake, chris, dana]) {
        const pair = pairs.find((p) => p.memberIds.includes(s.personId));
        assert.equal(await pairIdOf(s.personId), pair?.id, `${s.displayName}'s enrolment`);
      }
    });
  });
});
