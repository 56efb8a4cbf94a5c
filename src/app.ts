import { createAdapter } from './bot/adapter';
import { ChatNoticeBoard } from './bot/chat-notice-board';
import { Messenger, RetryPolicy } from './bot/messenger';
import { PeerCoachBot } from './bot/peer-coach-bot';
import { BotServices } from './bot/services';
import { TeamDirectory } from './bot/team-directory';
import { Config } from './config/config';
import { Clock, systemClock } from './domain/clock';
import { InvitationService } from './domain/invitation-service';
import { NoticeBoard } from './domain/notices';
import { PairService } from './domain/pair-service';
import { PeopleService } from './domain/people-service';
import { ProgrammeService } from './domain/programme-service';
import { startHttpServer } from './http/server';
import { supportedLanguages } from './i18n';
import { Logger } from './log';
import { CosmosStore, openCosmosStore } from './store/cosmos-store';
import { cosmosRepositories } from './store/repositories';

export interface AppOptions {
  readonly clock?: Clock;
  /** randomness for automatic pairing */
  readonly random?: () => number;
  readonly retry?: RetryPolicy;
  /** listen address; tests use 127.0.0.1 */
  readonly host?: string;
}

export interface RunningApp {
  readonly url: string;
  readonly port: number;
  readonly store: CosmosStore;
  /** graceful: stop taking work, finish in-flight turns, close the store */
  close(): Promise<void>;
}

/** config → store → domain → bot → HTTP. The composition root, and nothing else. */
export async function startApp(config: Config, log: Logger, options: AppOptions = {}): Promise<RunningApp> {
  const clock = options.clock ?? systemClock;
  const store = await openCosmosStore(config.store, clock, log.child({ component: 'store' }));
  const repos = cosmosRepositories(store);
  const adapter = createAdapter(config.auth, config.defaultLocale, log.child({ component: 'adapter' }));
  const appId = config.auth.mode === 'authenticated' ? config.auth.appId : '';
  const messenger = new Messenger(adapter, appId, log.child({ component: 'messenger' }), options.retry);
  const people = new PeopleService(repos, clock, config.coordinatorIds, supportedLanguages);
  const defaults = { defaultTimeZone: config.defaultTimeZone, defaultLocale: config.defaultLocale };
  const notices: NoticeBoard = new ChatNoticeBoard(people, messenger, defaults);
  const pairs = new PairService(repos, clock, notices, options.random);
  const services: BotServices = {
    people,
    programmes: new ProgrammeService(
      repos,
      clock,
      notices,
      new TeamDirectory(messenger, log.child({ component: 'directory' })),
      supportedLanguages,
    ),
    pairs,
    invitations: new InvitationService(repos, clock, notices, pairs),
    repos,
    clock,
    peoplePicker: config.auth.mode === 'authenticated',
    ...defaults,
  };
  const bot = new PeerCoachBot(services, log.child({ component: 'bot' }));
  const http = await startHttpServer({
    port: config.port,
    host: options.host,
    endpoint: { process: (req, res) => adapter.process(req, res, (context) => bot.run(context)) },
    ready: () => store.ping(),
    log: log.child({ component: 'http' }),
  });
  log.info({ port: http.port, auth: config.auth.mode, store: store.kind }, 'Peer Coach is listening');
  if (config.auth.mode === 'anonymous') {
    log.warn('ANONYMOUS MODE (BOT_ANONYMOUS=1): requests are not authenticated. For local use only.');
  }
  let closing: Promise<void> | undefined;
  return {
    url: http.url,
    port: http.port,
    store,
    close() {
      closing ??= (async () => {
        await http.close();
        await store.close();
      })();
      return closing;
    },
  };
}
