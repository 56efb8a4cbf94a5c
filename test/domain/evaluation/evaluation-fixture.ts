import sinon from 'sinon';
import { CycleReads } from '../../../src/domain/cycle/cycle-reads';
import { DueWork } from '../../../src/domain/cycle/ports';
import { BaselineService } from '../../../src/domain/evaluation/baseline-service';
import { EndService } from '../../../src/domain/evaluation/end-service';
import { baselineJobKind, endJobKinds, EvaluationMail } from '../../../src/domain/evaluation/evaluation';
import { Person } from '../../../src/domain/people';
import { PeopleService } from '../../../src/domain/people-service';
import { SendOutcome } from '../../../src/domain/ports';
import { Programme } from '../../../src/domain/programme';
import { ProgrammeService } from '../../../src/domain/programme-service';
import { supportedLanguages } from '../../../src/i18n';
import {
  coordinatorId,
  fakeDirectory,
  fakeNoticeBoard,
  personalReach,
  programmeInput,
  sighting,
  Supervisor,
} from '../../support/domain-fixtures';
import { eachTest, speaksFor } from '../../support/each-test';
import { TestClock } from '../../support/test-clock';
import { openTestStore } from '../../support/test-store';

type Job = Parameters<DueWork['put']>[0];

/** the evaluation's questionnaires over one programme, with mail faked and due work run by hand */
export interface EvaluationRig {
  readonly clock: TestClock;
  readonly programme: Programme;
  readonly mail: {
    readonly [K in keyof EvaluationMail]: sinon.SinonStub<
      Parameters<EvaluationMail[K]>,
      Promise<SendOutcome>
    >;
  };
  /** a supervisor installs the app in their time zone, and is invited as the bot does on a welcome */
  install(s: Supervisor, timeZone?: string): Promise<Person>;
  uninstall(s: Supervisor): Promise<void>;
  /** the coordinator enrols supervisors on the enrol card */
  enrol(...supervisors: Supervisor[]): Promise<void>;
  /** the clock moves on, and every job due by then runs (again, while it asks to), as the scheduler does */
  at(iso: string): Promise<void>;
  close(): Promise<void>;
}

/** a fresh rig, on a store of its own, for every test of the calling `describe` */
export function eachEvaluationRig(): EvaluationRig {
  let current: EvaluationRig | undefined;
  eachTest(openEvaluationRig, (opened) => (current = opened));
  return speaksFor(() => {
    if (!current) throw new Error('the evaluation rig is open only inside a test');
    return current;
  });
}

/**
 * Made on 1 September 2026: a programme whose last day is Friday 29 January 2027 (Stockholm, 14
 * evaluation days), so the end questionnaire opens at 2027-01-28T10:00Z (midnight in UTC+14) and
 * closes at 2027-02-11T23:00Z.
 */
async function openEvaluationRig(sandbox: sinon.SinonSandbox): Promise<EvaluationRig> {
  const clock = new TestClock('2026-09-01T08:00:00Z');
  const t = await openTestStore(clock);
  const people = new PeopleService(t.repos, clock, [], supportedLanguages);
  const reads = new CycleReads(t.repos, clock, people, {
    retentionDays: 365,
    defaultTimeZone: 'Europe/Stockholm',
  });
  const jobs = new Map<string, Job>();
  const work: DueWork = {
    put: async (job) => jobs.set(job.id, job),
    cancel: async (id) => jobs.delete(id),
  };
  const sent = <K extends keyof EvaluationMail>() =>
    sandbox
      .stub<Parameters<EvaluationMail[K]>, Promise<SendOutcome>>()
      .resolves({ status: 'sent', activityId: 'activity' });
  const mail = { sendBaseline: sent<'sendBaseline'>(), sendEnd: sent<'sendEnd'>() };
  const end = new EndService(t.repos, clock, people, work, mail, reads);
  const baseline = new BaselineService(t.repos, clock, people, work, mail, reads, end);
  const programmes = new ProgrammeService(
    t.repos,
    clock,
    fakeNoticeBoard(sandbox),
    fakeDirectory(sandbox),
    supportedLanguages,
    undefined,
    baseline,
    end,
  );
  const created = await programmes.create(coordinatorId, programmeInput({ endDate: '2027-01-29' }));
  if (created.status !== 'saved') throw new Error(`could not create the test programme: ${created.status}`);
  const programme = created.programme;
  const handlers = {
    [baselineJobKind]: (p: Job['payload']) => baseline.send(p),
    [endJobKinds.plan]: (p: Job['payload']) => end.fanOut(p),
    [endJobKinds.send]: (p: Job['payload']) => end.send(p),
    [endJobKinds.remind]: (p: Job['payload']) => end.remind(p),
  };
  return {
    clock,
    programme,
    mail,
    async install(s, timeZone = 'Europe/Stockholm') {
      const reach = personalReach({ conversationId: `a:${s.personId}` });
      const { person, welcome } = await people.installed(sighting({ ...s, timeZone, personalReach: reach }));
      if (welcome && person.programmeIds.length > 0) await baseline.invited(person);
      return person;
    },
    uninstall: (s) => people.uninstalled(s.personId),
    async enrol(...supervisors) {
      await programmes.enrol(programme, coordinatorId, supervisors);
    },
    async at(iso) {
      clock.set(iso);
      for (let due = dueNow(), rounds = 0; due.length > 0; due = dueNow(), rounds++) {
        if (rounds > 20) throw new Error('due work did not settle');
        for (const job of due) {
          const outcome = await handlers[job.kind as keyof typeof handlers](job.payload);
          if (outcome.status === 'retry' && jobs.get(job.id) === job)
            jobs.set(job.id, { ...job, dueAt: outcome.at });
          else if (jobs.get(job.id) === job) jobs.delete(job.id);
        }
      }
    },
    close: () => t.close(),
  };

  function dueNow(): Job[] {
    return [...jobs.values()].filter((j) => j.dueAt <= clock.now());
  }
}

/** whom a stubbed send went to, in order */
export function sentTo(send: sinon.SinonStub): string[] {
  return send.getCalls().map((call) => (call.args[0] as Person).id);
}
