import assert from 'node:assert/strict';
import { NudgeMail, NudgeService } from '../../../src/domain/nudge/nudge-service';
import { Nudge } from '../../../src/domain/nudge/nudge';
import { DueWork } from '../../../src/domain/cycle/ports';
import { PeopleService } from '../../../src/domain/people-service';
import { ReportService } from '../../../src/domain/report/report-service';
import { supportedLanguages } from '../../../src/i18n';
import {
  openProgrammeWorld,
  personalReach,
  ProgrammeWorld,
  sighting,
  supervisor,
} from '../../support/domain-fixtures';
import { eachTest } from '../../support/each-test';

describe('NudgeService (real SDK, embedded server)', () => {
  let world: ProgrammeWorld;
  let sends: Map<string, number>;
  let progress: Nudge[];
  let nudges: NudgeService;
  const reach = { ...personalReach(), activityId: 'card-1' };

  eachTest(openProgrammeWorld, async (opened, sandbox) => {
    world = opened;
    sends = new Map();
    progress = [];
    const mail: NudgeMail = {
      send: async (to) => {
        sends.set(to.id, (sends.get(to.id) ?? 0) + 1);
        return { status: 'sent' };
      },
      showProgress: async (n) => void progress.push(n),
    };
    const work: DueWork = { put: sandbox.stub().resolves(), cancel: sandbox.stub().resolves() };
    nudges = new NudgeService(
      world.store.repos,
      world.clock,
      new ReportService(world.store.repos),
      work,
      mail,
    );
    // 45 enrolled supervisors, all with the app installed
    const people = new PeopleService(world.store.repos, world.clock, [], supportedLanguages);
    const all = Array.from({ length: 45 }, (_, i) => supervisor(0x100 + i, `Supervisor ${i}`));
    await world.enrol(...all);
    for (const s of all) {
      await people.recognise(
        sighting({
          personId: s.personId,
          displayName: s.displayName,
          personalReach: personalReach({ conversationId: `a:${s.personId}` }),
        }),
      );
    }
  });

  async function startEveryone(): Promise<Nudge> {
    const coordinator = (await world.store.repos.people.read(
      supervisor(0x100, '').personId,
      supervisor(0x100, '').personId,
    ))!.doc;
    const preview = await nudges.preview(coordinator, world.programme.id, { kind: 'everyone' }, 'Hello');
    assert.equal(preview.status, 'ready');
    if (preview.status !== 'ready') throw new Error('no preview');
    assert.equal(preview.nudge.recipients.length, 45);
    await nudges.confirm(world.programme.id, preview.nudge.id, reach);
    return preview.nudge;
  }

  it('sends in batches until everyone has been tried, and the count sent equals the preview', async () => {
    const nudge = await startEveryone();
    const payload = { programmeId: world.programme.id, nudgeId: nudge.id };
    assert.equal((await nudges.batch(payload)).status, 'retry');
    assert.equal((await nudges.batch(payload)).status, 'retry');
    assert.equal((await nudges.batch(payload)).status, 'done');
    assert.equal(sends.size, 45);
    const stored = (await world.store.repos.programmes.nudges.read(nudge.id, world.programme.id))!.doc;
    assert.equal(stored.status, 'done');
    assert.equal(stored.counts.sent, 45);
  });

  it('resumes after a restart mid-nudge without sending anyone the same nudge twice', async () => {
    const nudge = await startEveryone();
    const payload = { programmeId: world.programme.id, nudgeId: nudge.id };
    await nudges.batch(payload);
    // the instance died after sending but before it recorded how far it got
    const stored = (await world.store.repos.programmes.nudges.read(nudge.id, world.programme.id))!;
    await world.store.repos.programmes.nudges.replace({ ...stored.doc, next: 0 }, stored.etag);
    while ((await nudges.batch(payload)).status !== 'done');
    assert.equal(sends.size, 45);
    assert.ok(
      [...sends.values()].every((n) => n === 1),
      'nobody twice',
    );
  });

  it('updates the coordinator’s card no more often than every few seconds, and always at the end', async () => {
    const nudge = await startEveryone();
    const payload = { programmeId: world.programme.id, nudgeId: nudge.id };
    await nudges.batch(payload); // first progress
    await nudges.batch(payload); // same instant: no update
    world.clock.advance(1000);
    await nudges.batch(payload); // the end: always
    assert.equal(progress.length, 2);
    assert.equal(progress.at(-1)?.status, 'done');
  });

  it('a second confirm changes nothing', async () => {
    const nudge = await startEveryone();
    const again = await nudges.confirm(world.programme.id, nudge.id, reach);
    assert.equal(again?.started, false);
  });
});
