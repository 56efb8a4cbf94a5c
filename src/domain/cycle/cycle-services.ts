import { Clock } from '../clock';
import { PeopleService } from '../people-service';
import { Repositories } from '../repositories';
import { TimingScale } from '../timing';
import { ActionPointService } from './action-point-service';
import { AnswerService } from './answer-service';
import { CalendarFileReads } from './calendar-file-reads';
import { CalendarReservations } from './calendar-reservations';
import { jobKinds, WorkHandler } from './cycle-jobs';
import { CycleNotices } from './cycle-notices';
import { CycleOptions, CycleReads } from './cycle-reads';
import { MyDataService } from './my-data-service';
import { CycleMail, DueWork } from './ports';
import { PostedLog } from './posted-log';
import { PromptCards } from './prompt-cards';
import { PromptDeliveryService } from './prompt-delivery-service';
import { SchedulingService } from './scheduling-service';
import { SummaryService } from './summary-service';

/**
 * The observation cycle: schedule, prompt before and after, summarise for the pair, follow up.
 * Every planned send is durable work (DueWork); every state change of a prompt is ETag-guarded, so
 * a double click, a resent activity or two instances racing change a prompt once.
 */
export interface CycleServices {
  /** schedule, move, cancel; what is upcoming */
  readonly scheduling: SchedulingService;
  /** a prompt card submitted */
  readonly answers: AnswerService;
  /** the pair's summaries, and `history` */
  readonly summaries: SummaryService;
  /** action points and their follow-ups */
  readonly actionPoints: ActionPointService;
  /** `my data` and `delete my data` */
  readonly myData: MyDataService;
  /** the pairs a person is in, and a prompt card as it stands now */
  readonly reads: CycleReads;
  /** what an "Add to calendar" link opens */
  readonly calendarFiles: CalendarFileReads;
  /** messages posted that show someone's words */
  readonly posted: PostedLog;
  /** how long a policy day lasts here, so that what the cards promise is what happens */
  readonly scale: TimingScale;
  /** the scheduler's handlers, by job kind */
  handlers(): Record<string, WorkHandler>;
}

export function createCycleServices(
  repos: Repositories,
  clock: Clock,
  people: PeopleService,
  work: DueWork,
  mail: CycleMail,
  options: CycleOptions,
): CycleServices {
  const reads = new CycleReads(repos, clock, people, options);
  const cards = new PromptCards(repos, people, work, mail, reads);
  const posted = new PostedLog(repos, clock, reads);
  const core = { repos, clock, people, work, mail, reads };
  const notices = new CycleNotices(core);
  const summaries = new SummaryService(core, posted);
  const delivery = new PromptDeliveryService(core, cards, posted, summaries);
  const myData = new MyDataService(core, summaries);
  const calendars = new CalendarReservations(repos, clock);
  return {
    scheduling: new SchedulingService(repos, clock, people, work, reads, cards, calendars, notices),
    answers: new AnswerService(repos, clock, reads, cards, summaries, people),
    summaries,
    actionPoints: new ActionPointService(repos, clock, work, reads),
    myData,
    reads,
    calendarFiles: new CalendarFileReads(repos, people),
    posted,
    scale: reads.scale,
    // the kinds and payloads are those of jobs already in the store: they never change
    handlers: () => ({
      [jobKinds.send]: (p) => delivery.sendPrompt(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.remind]: (p) => delivery.remind(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.expire]: (p) => delivery.expire(p.pairId ?? '', p.promptId ?? ''),
      [jobKinds.notice]: (p) => notices.sendNotice(p),
      [jobKinds.summary]: (p) => summaries.sendSummary(p),
      [jobKinds.erase]: (p) => myData.finishErasure(p.personId ?? ''),
    }),
  };
}
