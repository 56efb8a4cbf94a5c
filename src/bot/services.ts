import { CalendarLinks } from '../calendar/calendar-link';
import { Clock } from '../domain/clock';
import { PersonalSender } from './outbound/messenger';
import { PersonLimit } from '../delivery/person-limit';
import { CycleServices } from '../domain/cycle/cycle-services';
import { BaselineService } from '../domain/evaluation/baseline-service';
import { EndService } from '../domain/evaluation/end-service';
import { ResultsService } from '../domain/evaluation/results-service';
import { NudgeService } from '../domain/nudge/nudge-service';
import { AuditLog } from '../domain/report/audit-log';
import { ReportService } from '../domain/report/report-service';
import { InvitationService } from '../domain/invitation-service';
import { PairService } from '../domain/pair-service';
import { Person } from '../domain/people';
import { PeopleService } from '../domain/people-service';
import { ProgrammeService } from '../domain/programme-service';
import { TeamService } from '../domain/team-service';
import { Words, wordsFor } from '../i18n';
import { Telemetry } from '../telemetry/telemetry';

/** everything the handlers use, assembled once in the composition root */
export interface BotServices {
  readonly people: PeopleService;
  readonly programmes: ProgrammeService;
  readonly pairs: PairService;
  readonly invitations: InvitationService;
  readonly cycles: CycleServices;
  /** the evaluation's questionnaires (the baseline at enrolment; both on install) */
  readonly evaluation: BaselineService;
  /** the end questionnaire, on the programme's last day */
  readonly evaluationEnd: EndService;
  /** what coordinators get of the evaluation: a count while open, the release once closed */
  readonly results: ResultsService;
  readonly reports: ReportService;
  readonly audit: AuditLog;
  readonly nudges: NudgeService;
  readonly teams: TeamService;
  readonly clock: Clock;
  /** Teams' people picker in cards (off in local mode: the Playground has none) */
  readonly peoplePicker: boolean;
  /** Teams' file-consent flow (the local Playground has none: exports are shown in the chat) */
  readonly fileConsent: boolean;
  readonly defaultTimeZone: string;
  readonly defaultLocale: string;
  /** how many requests one person may make (unset: no limit) */
  readonly personLimit?: PersonLimit;
  /** hosts besides OneDrive's that an export may be uploaded to: tests only (see AppOptions) */
  readonly uploadHosts?: readonly string[];
  /** sends to a person's 1:1 chat outside a turn: a card action's result that came too late */
  readonly sender: PersonalSender;
  /** each person's own "Add to calendar" link to an observation (no button without it) */
  readonly calendarLinks?: CalendarLinks;
  /**
   * how long a card action may take before its invoke is answered with "still working" and its
   * result goes to the chat when ready; Teams stops waiting for an invoke after about 15 s
   */
  readonly invokeDeadlineMs: number;
  /** where card answers are counted */
  readonly telemetry: Telemetry;
}

/** a person's words: what they chose, else what Teams last said, else the defaults */
export function wordsOf(
  person: Person,
  services: Pick<BotServices, 'defaultTimeZone' | 'defaultLocale'>,
): Words {
  return wordsFor(
    person.preferences.locale ?? person.seen.locale ?? services.defaultLocale,
    person.preferences.timeZone ?? person.seen.timeZone ?? services.defaultTimeZone,
  );
}
