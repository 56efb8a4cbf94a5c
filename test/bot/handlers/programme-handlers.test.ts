import assert from 'node:assert/strict';
import sinon from 'sinon';
import {
  editProgramme,
  pairManually,
  saveEnrol,
  saveProgramme,
} from '../../../src/bot/handlers/programme-handlers';
import { actorOf, botServices } from '../../support/bot-actors';
import { sampleEnrolments, samplePairs, sampleProgramme } from '../../support/card-samples';
import { programmeInput } from '../../support/domain-fixtures';
import { textOf } from '../../support/test-bot';

const actor = actorOf({ coordinator: true });
const words = actor.words;
const programme = sampleProgramme();
const nobody = { enrolled: [], already: [], unreachable: [] };

describe('programme-handlers', () => {
  const sandbox = sinon.createSandbox();
  let parts: Record<string, Record<string, sinon.SinonStub> | object>;
  let programmes: Record<
    'get' | 'create' | 'update' | 'overview' | 'enrolmentsOf' | 'enrol' | 'enrolTeam',
    sinon.SinonStub
  >;
  let audit: { record: sinon.SinonStub };
  beforeEach(() => {
    programmes = {
      get: sandbox.stub().resolves({ programme, etag: 'v1' }),
      create: sandbox.stub().resolves({ status: 'saved', programme }),
      update: sandbox.stub().resolves({ status: 'saved', programme }),
      overview: sandbox.stub().resolves(undefined),
      enrolmentsOf: sandbox.stub().resolves(sampleEnrolments(4, 2)),
      enrol: sandbox.stub().resolves({ ...nobody, enrolled: [{ personId: 'x', displayName: 'Dana Ek' }] }),
      enrolTeam: sandbox.stub().resolves(nobody),
    };
    audit = { record: sandbox.stub().resolves() };
    parts = {
      programmes,
      audit,
      people: { reachable: sandbox.stub().resolves([]), get: sandbox.stub().resolves(undefined) },
      teams: { all: sandbox.stub().resolves([]) },
      pairs: { pairManually: sandbox.stub() },
      cycles: { scale: { unit: 'days' } },
      results: {
        planClose: sandbox.stub().resolves(),
        answeredAtEnd: sandbox.stub().resolves(0),
        results: sandbox.stub().resolves(undefined),
      },
    };
  });
  afterEach(() => sandbox.restore());

  describe('saveProgramme', () => {
    it('creates a programme from a card without an id, and records it as created', async () => {
      await saveProgramme(actor, programmeInput(), botServices(parts));
      assert.equal(programmes.create.firstCall.args[0], actor.person.id);
      assert.equal(audit.record.firstCall.args[2], 'programme.create');
    });

    it("plans the evaluation's automatic close on every save, so a moved last day moves it", async () => {
      await saveProgramme(actor, programmeInput(), botServices(parts));
      const { planClose } = parts.results as Record<string, sinon.SinonStub>;
      assert.deepEqual(planClose!.firstCall.args, [programme]);
    });

    it('updates the programme a card names, at the version it showed, recorded as an edit', async () => {
      await saveProgramme(
        actor,
        { ...programmeInput(), programmeId: 'p-1', version: 'v1' },
        botServices(parts),
      );
      assert.deepEqual(
        [programmes.update.firstCall.args[0], programmes.update.firstCall.args[2]],
        ['p-1', 'v1'],
      );
      assert.equal(audit.record.firstCall.args[2], 'programme.edit');
    });

    it('keeps the form as typed, and records nothing, when someone else saved first', async () => {
      programmes.update.resolves({ status: 'conflict', current: programme, etag: 'v2' });
      const data = { ...programmeInput({ name: 'Mine' }), programmeId: 'p-1', version: 'v1' };
      const result = await saveProgramme(actor, data, botServices(parts));
      assert.ok(textOf(result.update).includes(words.t('programme.conflict')));
      assert.ok(JSON.stringify(result.update).includes('"v2"'));
      assert.equal(audit.record.called, false);
    });
  });

  it('says a programme that is gone was not found, whatever the button', async () => {
    programmes.get.resolves(undefined);
    for (const action of [editProgramme, saveEnrol, pairManually]) {
      const result = await action(actor, { programmeId: 'gone' }, botServices(parts));
      assert.ok(textOf(result.update).includes(words.t('common.notFound')));
    }
  });

  describe('saveEnrol', () => {
    it('asks for someone to enrol when the card names nobody', async () => {
      const result = await saveEnrol(actor, { programmeId: 'p-1', people: ' , ' }, botServices(parts));
      assert.ok(textOf(result.update).includes(words.t('enrol.nobody')));
      assert.equal(programmes.enrol.called, false);
    });

    it('enrols people and teams, and records the counts only', async () => {
      const data = { programmeId: 'p-1', people: 'x', teamIds: 'T1' };
      const result = await saveEnrol(actor, data, botServices(parts));
      assert.deepEqual(programmes.enrolTeam.firstCall.args.slice(1), [actor.person.id, 'T1']);
      assert.deepEqual(audit.record.firstCall.args[3], { enrolled: 1, already: 0, unreachable: 0 });
      assert.ok(textOf(result.update).includes('Dana Ek'));
    });

    it('says a team’s roster could not be read, and records nothing', async () => {
      programmes.enrolTeam.resolves('unreachable');
      const result = await saveEnrol(actor, { programmeId: 'p-1', teamIds: 'T1' }, botServices(parts));
      assert.ok(textOf(result.update).includes(words.t('enrol.teamUnreachable')));
      assert.equal(audit.record.called, false);
    });
  });

  describe('pairManually', () => {
    it('names who is already paired when the pair cannot be formed', async () => {
      (parts.pairs as { pairManually: sinon.SinonStub }).pairManually.resolves({
        status: 'taken',
        personIds: ['person-0'],
      });
      const data = { programmeId: 'p-1', first: 'person-0', second: 'person-3' };
      const result = await pairManually(actor, data, botServices(parts));
      const names = words.list(['Supervisor Number 0']);
      assert.ok(textOf(result.update).includes(words.t('pairing.error.taken', { names })));
      assert.equal(audit.record.called, false);
    });

    it('records a pair formed by hand', async () => {
      const pairManuallyStub = (parts.pairs as { pairManually: sinon.SinonStub }).pairManually;
      pairManuallyStub.resolves({ status: 'formed', pair: samplePairs(1)[0] });
      await pairManually(
        actor,
        { programmeId: 'p-1', first: 'a', second: 'b', third: '' },
        botServices(parts),
      );
      assert.deepEqual(pairManuallyStub.firstCall.args[1], ['a', 'b']);
      assert.deepEqual(audit.record.firstCall.args.slice(2), ['pair', { pairs: 1 }]);
    });
  });
});
