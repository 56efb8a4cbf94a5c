import { avery, execute, installed, message, TestUser } from './activities';
import { buttonData } from './cycle-fixtures';
import { speaksFor } from './each-test';
import { cardOf, invokeCard, startTestBot, TestBot, titleOf } from './test-bot';

/** a test bot seen the way a person sees it: what they do and what they get back */
export interface E2eBot extends TestBot {
  /** the local connector's address: the serviceUrl of every activity */
  readonly svc: string;
  /** these people install the app, one after another */
  install(...users: readonly TestUser[]): Promise<void>;
  /** a person writes this in their 1:1 chat with the bot */
  say(user: TestUser, text: string): Promise<{ status: number; body: unknown }>;
  /** a person clicks a card's button (Action.Execute); the card the bot answered with */
  click(user: TestUser, verb: string, data?: Record<string, string>): Promise<Record<string, unknown>>;
  /** the last activity the bot sent into a person's 1:1 chat */
  lastTo(user: TestUser): Record<string, unknown> | undefined;
  /** the Adaptive Card of that activity, if it has one */
  lastCardTo(user: TestUser): Record<string, unknown> | undefined;
}

export interface E2eBotOptions {
  /** configuration besides the test bot's own; Avery coordinates unless this says otherwise */
  readonly env?: Record<string, string>;
  /** people who have the app before the test starts */
  readonly installed?: readonly TestUser[];
  /** 'test' (default): a new bot for every test; 'describe': one shared by tests that build on each other */
  readonly lifetime?: 'test' | 'describe';
}

/**
 * The set-up the end-to-end journeys share: registers, in the calling `describe`, the hooks that
 * start a bot and close it again. What it returns always speaks for the bot of the current test.
 */
export function e2eBot(options: E2eBotOptions = {}): E2eBot {
  let current: TestBot | undefined;
  const [start, stop] = options.lifetime === 'describe' ? [before, after] : [beforeEach, afterEach];
  start(async () => {
    current = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId, ...options.env });
    await bot.install(...(options.installed ?? []));
  });
  stop(async () => {
    await current?.close();
    current = undefined;
  });
  const now = () => {
    if (!current)
      throw new Error('the e2e bot runs only inside a test, or in a hook registered after e2eBot()');
    return current;
  };
  const bot: E2eBot = speaksFor<TestBot, Omit<E2eBot, keyof TestBot>>(now, {
    get svc() {
      return now().connector.url;
    },
    async install(...users) {
      for (const user of users) await bot.post(installed(user, bot.svc));
    },
    say: (user, text) => bot.post(message(user, bot.svc, text)),
    click: async (user, verb, data = {}) =>
      invokeCard((await bot.post(execute(user, bot.svc, verb, data))).body),
    lastTo: (user) => bot.connector.to(user.conversationId).at(-1),
    lastCardTo: (user) => lastCard(bot, user),
  });
  return bot;
}

/** the Adaptive Card of the last activity the bot sent into a person's 1:1 chat, if it has one */
export function lastCard(bot: TestBot, user: TestUser): Record<string, unknown> | undefined {
  return cardOf(bot.connector.to(user.conversationId).at(-1));
}

/** every Adaptive Card the bot sent into a person's 1:1 chat, oldest first */
export function cardsTo(bot: TestBot, user: TestUser): Record<string, unknown>[] {
  return bot.connector
    .to(user.conversationId)
    .map(cardOf)
    .filter((c): c is Record<string, unknown> => c !== undefined);
}

/** the newest of those cards whose title (its first line) matches */
export function latestCardTitled(
  bot: TestBot,
  user: TestUser,
  title: RegExp,
): Record<string, unknown> | undefined {
  return cardsTo(bot, user)
    .reverse()
    .find((c) => title.test(titleOf(c)));
}

/** a person fills in `inputs` on that last card and presses its `verb` button (Action.Execute) */
export function pressOnLastCard(
  bot: TestBot,
  user: TestUser,
  verb: string,
  inputs: Record<string, string> = {},
): Promise<{ status: number; body: unknown }> {
  return bot.post(
    execute(user, bot.connector.url, verb, { ...buttonData(lastCard(bot, user), verb), ...inputs }),
  );
}
