import { ChatNoticeBoard } from '../bot/outbound/chat-notice-board';
import { Messenger, personalSender } from '../bot/outbound/messenger';
import { BotServices } from '../bot/services';
import { CalendarLinks, CalendarLinkSigner } from '../calendar/calendar-link';
import { TeamDirectory } from '../bot/outbound/team-directory';
import { Config } from '../config/config';
import { Clock } from '../domain/clock';
import { ChatCycleMail } from '../bot/outbound/cycle-mail';
import { createCycleServices } from '../domain/cycle/cycle-services';
import { BaselineService } from '../domain/evaluation/baseline-service';
import { EndService } from '../domain/evaluation/end-service';
import { ResultsService } from '../domain/evaluation/results-service';
import { ChatEvaluationMail } from '../bot/outbound/evaluation-mail';
import { InvitationService } from '../domain/invitation-service';
import { AuditLog } from '../domain/report/audit-log';
import { ReportService } from '../domain/report/report-service';
import { dayScale, localPolicy, minuteScale } from '../domain/timing';
import { PersonLimit } from '../delivery/person-limit';
import { JobStore } from '../scheduler/jobs';
import { ChatNudgeMail } from '../bot/outbound/nudge-mail';
import { NudgeService } from '../domain/nudge/nudge-service';
import { NoticeBoard } from '../domain/notices';
import { PairService } from '../domain/pair-service';
import { PeopleService } from '../domain/people-service';
import { ProgrammeService } from '../domain/programme-service';
import { supportedLanguages } from '../i18n';
import { Logger } from '../log';
import { CosmosStore } from '../store/cosmos-store';
import { cosmosRepositories } from '../store/repositories';
import { TeamService } from '../domain/team-service';
import { tenantWork } from '../scheduler/tenant-work';
import { Telemetry } from '../telemetry/telemetry';
import { AppOptions } from './options';

/** what every tenant's services share: one store, one job store, one messenger */
export interface SharedParts {
  readonly config: Config;
  readonly log: Logger;
  readonly clock: Clock;
  readonly opened: CosmosStore;
  readonly jobs: JobStore;
  readonly messenger: Messenger;
  readonly personLimit: PersonLimit | undefined;
  /** "Add to calendar" links (none without) */
  readonly calendar?: CalendarLinkParts;
  readonly options: AppOptions;
  /** the instruments every tenant measures into */
  readonly telemetry: Telemetry;
}

/** what every tenant's "Add to calendar" links share: the signer, and the address they point to */
export interface CalendarLinkParts {
  readonly signer: CalendarLinkSigner;
  readonly baseUrl: string;
}

/** the tenant that data stored before tenants were recorded belongs to: the first allowed one */
export function homeTenantOf(config: Config): string {
  return config.allowedTenantIds[0]!;
}

/** makes the services of one tenant at a time, all over the same shared parts */
export function tenantServicesOver(shared: SharedParts): (tenantId: string) => BotServices {
  const { config, log, clock, opened, jobs, messenger, personLimit, calendar, options, telemetry } = shared;
  const defaults = { defaultTimeZone: config.defaultTimeZone, defaultLocale: config.defaultLocale };
  const local = config.timingScale === 'minutes';
  const homeTenantId = homeTenantOf(config);

  /**
   * One tenant's services, over repositories that only ever see that tenant's documents: people,
   * teams, programmes, pairs, observations, nudges, figures and the audit log of one tenant.
   */
  function tenantServices(tenantId: string): BotServices {
    const repos = cosmosRepositories(opened, { tenantId, home: tenantId === homeTenantId });
    const work = tenantWork(jobs, tenantId);
    const people = new PeopleService(repos, clock, config.coordinatorIds, supportedLanguages);
    const sender = personalSender(messenger, people);
    const notices: NoticeBoard = new ChatNoticeBoard(people, sender, defaults);
    const calendarLinks = calendar && new CalendarLinks(calendar.signer, calendar.baseUrl, tenantId);
    const pairs = new PairService(repos, clock, notices, options.random);
    const cycles = createCycleServices(
      repos,
      clock,
      people,
      work,
      new ChatCycleMail(
        messenger,
        sender,
        { ...defaults, ...(calendarLinks ? { calendarLinks } : {}) },
        log.child({ component: 'cycle-mail' }),
      ),
      {
        scale: local ? minuteScale : dayScale,
        retentionDays: config.retentionDays,
        defaultTimeZone: config.defaultTimeZone,
      },
    );
    const evaluationParts = [
      repos,
      clock,
      people,
      work,
      new ChatEvaluationMail(sender, defaults),
      cycles.reads,
    ] as const;
    const evaluationEnd = new EndService(...evaluationParts);
    const evaluation = new BaselineService(...evaluationParts, evaluationEnd);
    const reports = new ReportService(repos);
    return {
      people,
      programmes: new ProgrammeService(
        repos,
        clock,
        notices,
        new TeamDirectory(messenger, log.child({ component: 'directory' })),
        supportedLanguages,
        local ? localPolicy : undefined,
        evaluation,
        evaluationEnd,
      ),
      cycles,
      evaluation,
      evaluationEnd,
      results: new ResultsService(repos, clock, work),
      reports,
      nudges: new NudgeService(
        repos,
        clock,
        reports,
        work,
        new ChatNudgeMail(messenger, sender, people, defaults, log.child({ component: 'nudge-mail' })),
      ),
      audit: new AuditLog(repos, clock),
      pairs,
      invitations: new InvitationService(repos, clock, notices, pairs),
      teams: new TeamService(repos, clock),
      clock,
      peoplePicker: config.auth.mode === 'authenticated',
      fileConsent: config.exportAs === 'file',
      sender,
      ...(calendarLinks ? { calendarLinks } : {}),
      invokeDeadlineMs: options.invokeDeadlineMs ?? 10_000,
      telemetry,
      ...(personLimit ? { personLimit } : {}),
      ...(options.uploadHosts ? { uploadHosts: options.uploadHosts } : {}),
      ...defaults,
    };
  }
  return tenantServices;
}
