import assert from 'node:assert/strict';
import { CommandName, commands } from '../../src/bot/inbound/commands';
import { allVerbs, Verb, verbs } from '../../src/bot/verbs';
import { en } from '../../src/i18n/en';
import {
  avery,
  blake,
  botAddedToTeam,
  chris,
  execute,
  fileConsent,
  fromSharedChat,
  groupChat,
  message,
  SharedChat,
  submit,
  teamChannel,
  tenantId,
  TestUser,
} from '../support/activities';
import { buttonData, pairUp, scheduleObservation } from '../support/cycle-fixtures';
import { programmeInput } from '../support/domain-fixtures';
import { CapturedActivity } from '../support/local-connector';
import { cardOf, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';

/**
 * Personal content stays in the 1:1 chat. In a team channel or a group chat everyone reads what the
 * bot answers, so every typed command, card verb (Action.Execute and Action.Submit alike), command
 * run from a card and file-consent answer is tried there — by a coordinator and by a supervisor whose
 * pair has real answers carrying a marker — and must be refused with the one line pointing to the
 * 1:1 chat: no card rendered, no card updated in place, nothing stored changed, nothing of the marker
 * shown. Only what is declared to run anywhere (help) answers as usual.
 */

type Card = Record<string, unknown>;
type Data = Record<string, string>;

/** everything Blake and Chris write carries this, so a leak is a substring search */
const marker = 'SCOPE-MARKER';
const personalOnly = en.common.personalOnly;

const team = { id: '19:ward-supervisors@thread.tacv2', name: 'Ward supervisors' };
const channel = teamChannel(team);
const group = groupChat('19:coffee-and-cases@thread.v2');
const sharedChats: readonly { readonly name: string; readonly chat: SharedChat }[] = [
  { name: 'a team channel', chat: channel },
  { name: 'a group chat', chat: group },
];
const actors: readonly { readonly role: string; readonly user: TestUser }[] = [
  { role: 'a coordinator', user: avery },
  { role: 'a supervisor with a pair', user: blake },
];

/** the cards the world holds in the 1:1 chats: what a person could copy into a shared chat */
interface World {
  readonly programmeId: string;
  readonly blake: {
    readonly profile: Card;
    readonly schedule: Card;
    readonly upcoming: Card;
    readonly history: Card;
    readonly summary: Card;
    readonly beforeCard: Card;
    readonly myData: Card;
    readonly confirmErase: Card;
  };
  readonly avery: {
    readonly list: Card;
    readonly programme: Card;
    readonly form: Card;
    readonly enrol: Card;
    readonly report: Card;
    readonly compose: Card;
    readonly preview: Card;
    readonly coordinators: Card;
  };
}

/**
 * The data each verb's legitimate card carries, with what a person types into it. The type makes a
 * new verb without a row a compile error; none of these may run in a shared chat.
 */
const verbData: Record<Verb, (w: World) => Data> = {
  // a forged Action.Submit or Action.Execute for `my data`
  [verbs.runCommand]: () => ({ command: 'myData' }),
  [verbs.saveProfile]: (w) => ({
    ...buttonData(w.blake.profile, verbs.saveProfile),
    timeZone: 'Europe/Stockholm',
    locale: 'teams',
    department: marker,
  }),
  [verbs.newProgramme]: (w) => buttonData(w.avery.list, verbs.newProgramme),
  [verbs.saveProgramme]: (w) => ({
    ...buttonData(w.avery.form, verbs.saveProgramme),
    ...programmeInput({ name: 'Autumn' }),
  }),
  [verbs.openProgramme]: (w) => buttonData(w.avery.list, verbs.openProgramme),
  [verbs.editProgramme]: (w) => buttonData(w.avery.programme, verbs.editProgramme),
  [verbs.openEnrol]: (w) => buttonData(w.avery.programme, verbs.openEnrol),
  [verbs.saveEnrol]: (w) => ({
    ...buttonData(w.avery.enrol, verbs.saveEnrol),
    people: `${blake.aadObjectId},${chris.aadObjectId}`,
  }),
  [verbs.openPairing]: (w) => buttonData(w.avery.programme, verbs.openPairing),
  // the pairing card has its buttons only while someone waits for a peer: the ids it would carry
  [verbs.pairAutomatically]: (w) => ({ programmeId: w.programmeId }),
  [verbs.pairManually]: (w) => ({
    programmeId: w.programmeId,
    first: blake.aadObjectId,
    second: chris.aadObjectId,
  }),
  // the invite card has no choices once paired: what it carried before
  [verbs.sendInvite]: (w) => ({ colleague: `${w.programmeId}|${chris.aadObjectId}` }),
  // Blake and Chris were paired by hand: an invitation's shape, for an invitation nobody sent
  [verbs.acceptInvitation]: (w) => ({ programmeId: w.programmeId, invitationId: 'invitation:none' }),
  [verbs.declineInvitation]: (w) => ({ programmeId: w.programmeId, invitationId: 'invitation:none' }),
  [verbs.addCoordinator]: (w) => ({
    ...buttonData(w.avery.coordinators, verbs.addCoordinator),
    person: blake.aadObjectId,
  }),
  [verbs.openSchedule]: (w) => buttonData(w.blake.upcoming, verbs.openSchedule),
  [verbs.saveSchedule]: (w) => ({
    ...buttonData(w.blake.schedule, verbs.saveSchedule),
    date: '2026-09-15',
    startTime: '10:00',
    durationMinutes: '60',
    hostId: blake.aadObjectId,
    setting: 'wardRound',
    learnerLevel: 'studentLate',
  }),
  [verbs.cancelObservation]: (w) => buttonData(w.blake.upcoming, verbs.cancelObservation),
  [verbs.observationDidNotHappen]: (w) => buttonData(w.blake.upcoming, verbs.observationDidNotHappen),
  [verbs.answerPrompt]: (w) => ({
    ...buttonData(w.blake.beforeCard, verbs.answerPrompt),
    'bh.strategy': `${marker}-strategy`,
    'bh.focus': `${marker}-focus`,
  }),
  [verbs.viewPrompt]: (w) => buttonData(w.blake.beforeCard, verbs.viewPrompt),
  [verbs.openSummary]: (w) => buttonData(w.blake.history, verbs.openSummary),
  [verbs.viewSummary]: (w) => buttonData(w.blake.summary, verbs.viewSummary),
  [verbs.addActionPoint]: (w) => ({
    ...buttonData(w.blake.summary, verbs.addActionPoint),
    actionPoint: `${marker}-second-action`,
  }),
  [verbs.openReport]: (w) => buttonData(w.avery.programme, verbs.openReport),
  [verbs.openAudit]: (w) => buttonData(w.avery.report, verbs.openAudit),
  [verbs.exportReport]: (w) => buttonData(w.avery.report, verbs.exportReport),
  [verbs.openNudge]: (w) => buttonData(w.avery.preview, verbs.openNudge),
  [verbs.previewNudge]: (w) => ({
    ...buttonData(w.avery.compose, verbs.previewNudge),
    segment: 'everyone',
    days: '3',
    wording: 'thanks',
    message: '',
  }),
  [verbs.sendNudge]: (w) => buttonData(w.avery.preview, verbs.sendNudge),
  [verbs.askToCloseEvaluation]: (w) => buttonData(w.avery.programme, verbs.askToCloseEvaluation),
  [verbs.closeEvaluation]: (w) => ({ programmeId: w.programmeId }),
  [verbs.openResults]: (w) => ({ programmeId: w.programmeId }),
  [verbs.exportResults]: (w) => ({ programmeId: w.programmeId }),
  [verbs.askToErase]: (w) => buttonData(w.blake.myData, verbs.askToErase),
  [verbs.eraseMyData]: (w) => buttonData(w.blake.confirmErase, verbs.eraseMyData),
  // the baseline card's data: the programme and whom it was sent to
  [verbs.answerBaseline]: (w) => ({
    programmeId: w.programmeId,
    personId: blake.aadObjectId,
    's.feedback': '4',
  }),
  [verbs.declineBaseline]: (w) => ({ programmeId: w.programmeId, personId: blake.aadObjectId }),
  // the end card's data: the same
  [verbs.answerEnd]: (w) => ({ programmeId: w.programmeId, personId: blake.aadObjectId, 'o.recommend': '9' }),
  [verbs.declineEnd]: (w) => ({ programmeId: w.programmeId, personId: blake.aadObjectId }),
};

/** where each command may run: written here, not read from commands.ts, so a flag flipped there fails */
const commandWhere: Record<CommandName, 'personal' | 'anywhere'> = {
  help: 'anywhere',
  profile: 'personal',
  pause: 'personal',
  resume: 'personal',
  invite: 'personal',
  schedule: 'personal',
  upcoming: 'personal',
  myData: 'personal',
  deleteMyData: 'personal',
  history: 'personal',
  programmes: 'personal',
  newProgramme: 'personal',
  coordinators: 'personal',
  report: 'personal',
  nudge: 'personal',
};

/** how an action reaches the bot */
type Transport = 'Action.Execute' | 'Action.Submit' | 'typed';

/** what one activity from a shared chat led to, everywhere the bot could have written */
interface Seen {
  readonly status: number;
  readonly body: unknown;
  readonly sent: readonly CapturedActivity[];
  readonly updated: readonly CapturedActivity[];
  readonly uploads: number;
  readonly docsBefore: unknown[];
  readonly docsAfter: unknown[];
}

describe('e2e: personal content stays in the 1:1 chat — every verb and command, from a shared chat', function () {
  this.timeout(60_000);
  let bot: TestBot;
  let svc: string;
  let w: World;
  /** the card in each shared chat an Action.Submit says it was clicked on */
  const sharedCardId = new Map<SharedChat, string>();

  const lastCardOf = (u: TestUser) => cardOf(bot.connector.to(u.conversationId).at(-1)) as Card;
  const latestCard = (u: TestUser, title: RegExp): Card => {
    const found = [...bot.connector.to(u.conversationId)]
      .reverse()
      .map((a) => cardOf(a))
      .find((c) => c && title.test(textOf(c).split('\n')[0] ?? ''));
    if (!found) throw new Error(`${u.name} has no card titled ${title}`);
    return found;
  };
  const say = async (u: TestUser, text: string): Promise<Card> => {
    await bot.post(message(u, svc, text));
    return lastCardOf(u);
  };
  const click = async (u: TestUser, verb: string, data: Data): Promise<Card> =>
    invokeCard((await bot.post(execute(u, svc, verb, data))).body);

  /** every stored document, system fields dropped and sorted: two reads compare equal when nothing changed */
  async function allDocs(): Promise<unknown[]> {
    const containers = Object.values(bot.app.store.containers);
    const all = await Promise.all(containers.map((c) => c.items.readAll().fetchAll()));
    return all
      .flatMap((r) => r.resources as Record<string, unknown>[])
      .map((d) => Object.fromEntries(Object.entries(d).filter(([k]) => !k.startsWith('_'))))
      .sort((a, b) => `${String(a.type)}:${String(a.id)}`.localeCompare(`${String(b.type)}:${String(b.id)}`));
  }

  async function attempt(activity: object): Promise<Seen> {
    const sentBefore = bot.connector.sent.length;
    const updatedBefore = bot.connector.updated.length;
    const uploadsBefore = bot.connector.uploads.length;
    const docsBefore = await allDocs();
    const res = await bot.post(activity);
    return {
      status: res.status,
      body: res.body,
      sent: bot.connector.sent.slice(sentBefore),
      updated: bot.connector.updated.slice(updatedBefore),
      uploads: bot.connector.uploads.length - uploadsBefore,
      docsBefore,
      docsAfter: await allDocs(),
    };
  }

  /** the activity for one action, as it arrives from a shared chat */
  function fromChat(u: TestUser, chat: SharedChat, transport: Transport, verb: string, data: Data): object {
    if (transport === 'Action.Execute') return fromSharedChat(execute(u, svc, verb, data), chat);
    if (transport === 'Action.Submit')
      return fromSharedChat(submit(u, svc, sharedCardId.get(chat)!, { ...data, verb }), chat);
    return fromSharedChat(message(u, svc, `<at>Peer Coach</at> ${data.text}`), chat);
  }

  /**
   * Refused where it came from: one line pointing to the 1:1 chat — the invoke's answer for
   * Action.Execute, one plain message in that chat otherwise — and nothing else anywhere.
   */
  function assertRefused(seen: Seen, chat: SharedChat, transport: Transport, what: string) {
    assert.ok(seen.status >= 200 && seen.status < 300, `${what}: HTTP ${seen.status}`);
    const leak = JSON.stringify([seen.body, seen.sent, seen.updated]);
    assert.ok(!leak.includes(marker), `${what}: the marker was shown`);
    assert.deepEqual(seen.updated, [], `${what}: a card was updated in place`);
    if (transport === 'Action.Execute') {
      const body = seen.body as { type?: string; value?: unknown };
      assert.equal(
        body?.type,
        'application/vnd.microsoft.activity.message',
        `${what}: the invoke answered a card`,
      );
      assert.equal(body.value, personalOnly, what);
      assert.deepEqual(
        seen.sent.map((s) => s.conversationId),
        [],
        `${what}: something was sent besides the invoke's line`,
      );
    } else {
      assert.deepEqual(
        seen.sent.map((s) => [s.conversationId, s.activity.text, s.activity.attachments]),
        [[chat.conversation.id, personalOnly, undefined]],
        `${what}: not the one line, in that chat`,
      );
    }
    assert.equal(seen.uploads, 0, `${what}: a file was uploaded`);
    assert.deepEqual(seen.docsAfter, seen.docsBefore, `${what}: stored documents changed`);
  }

  before(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: avery.aadObjectId });
    svc = bot.connector.url;
    // Tuesday 1 September 2026, 10:00 in Stockholm: Blake and Chris are a pair
    bot.clock.set('2026-09-01T08:00:00Z');
    const programmeId = await pairUp(bot, avery, blake, chris);
    for (const date of ['2026-09-03', '2026-09-08'])
      assert.match(
        textOf(await scheduleObservation(bot, blake, blake, { date, startTime: '10:00' })),
        /Scheduled/,
      );
    // Thursday, an hour after the first observation: both answer, with the marker in every answer
    bot.clock.set('2026-09-03T10:00:00Z');
    await bot.runDueWork();
    const feedback = latestCard(chris, /Your feedback for Blake Berg/);
    await click(chris, verbs.answerPrompt, {
      ...buttonData(feedback, verbs.answerPrompt),
      'ao.worked': `${marker}-worked`,
      'ao.focus': `${marker}-seen`,
    });
    const reflection = latestCard(blake, /Your reflection/);
    await click(blake, verbs.answerPrompt, {
      ...buttonData(reflection, verbs.answerPrompt),
      'ah.plan': `${marker}-plan`,
      'ah.noticed': `${marker}-noticed`,
      'ah.safety': '4',
    });
    const added = await click(blake, verbs.addActionPoint, {
      ...buttonData(latestCard(blake, /side by side/), verbs.addActionPoint),
      actionPoint: `${marker}-action`,
    });
    assert.match(textOf(added), /Action point saved/);
    const profile = await say(blake, 'profile');
    await click(blake, verbs.saveProfile, {
      ...buttonData(profile, verbs.saveProfile),
      timeZone: 'Europe/Stockholm',
      locale: 'teams',
      department: `${marker}-department`,
    });
    // Monday 7 September, 16:00 in Stockholm: the before-card for Tuesday is out
    bot.clock.set('2026-09-07T14:00:00Z');
    await bot.runDueWork();

    const blakeCards = {
      profile: await say(blake, 'profile'),
      schedule: await say(blake, 'schedule'),
      upcoming: await say(blake, 'upcoming'),
      history: await say(blake, 'history'),
      summary: latestCard(blake, /side by side/),
      beforeCard: latestCard(blake, /Before you are observed/),
      myData: await (async () => {
        await bot.post(message(blake, svc, 'my data'));
        return [...bot.connector.to(blake.conversationId)]
          .reverse()
          .map((a) => cardOf(a))
          .find((c) => c && JSON.stringify(c).includes(verbs.askToErase))!;
      })(),
      confirmErase: await say(blake, 'delete my data'),
    };
    const list = await say(avery, 'programmes');
    const programme = await click(avery, verbs.openProgramme, buttonData(list, verbs.openProgramme));
    const compose = await say(avery, 'nudge');
    const averyCards = {
      list,
      programme,
      form: await click(avery, verbs.editProgramme, buttonData(programme, verbs.editProgramme)),
      enrol: await click(avery, verbs.openEnrol, buttonData(programme, verbs.openEnrol)),
      report: await click(avery, verbs.openReport, buttonData(programme, verbs.openReport)),
      compose,
      preview: await click(avery, verbs.previewNudge, {
        ...buttonData(compose, verbs.previewNudge),
        segment: 'everyone',
        days: '3',
        wording: 'thanks',
        message: '',
      }),
      coordinators: await say(avery, 'coordinators'),
    };
    w = { programmeId, blake: blakeCards, avery: averyCards };

    // the shared chats, each with a card of the bot's in it: the team's welcome, help in the group
    await bot.post(botAddedToTeam(avery, svc, team));
    sharedCardId.set(channel, bot.connector.sent.filter((s) => s.conversationId === team.id).at(-1)!.id);
    await bot.post(fromSharedChat(message(avery, svc, '<at>Peer Coach</at> help'), group));
    const groupCard = bot.connector.sent.filter((s) => s.conversationId === group.conversation.id).at(-1);
    assert.ok(groupCard, 'help is answered in a group chat');
    sharedCardId.set(group, groupCard.id);
  });
  after(() => bot?.close());

  describe('coverage', () => {
    it('has a row for every verb in verbs.ts, and says where every command in commands.ts may run', () => {
      assert.deepEqual(Object.keys(verbData).sort(), [...allVerbs].sort());
      assert.deepEqual(Object.keys(commandWhere).sort(), Object.keys(commands).sort());
    });

    it('the marker is really there: in the 1:1 chat, Blake sees his own words', async () => {
      await bot.post(message(blake, svc, 'my data'));
      assert.ok(JSON.stringify(bot.connector.to(blake.conversationId).at(-1)).includes(marker));
    });
  });

  describe('card verbs: the legitimate card’s data, clicked in a shared chat', () => {
    for (const verb of allVerbs) {
      for (const { name, chat } of sharedChats) {
        it(`${verb} from ${name}: refused with one line, nothing shown, nothing changed`, async () => {
          for (const { role, user } of actors)
            for (const transport of ['Action.Execute', 'Action.Submit'] as const) {
              const seen = await attempt(fromChat(user, chat, transport, verb, verbData[verb as Verb](w)));
              assertRefused(seen, chat, transport, `${role} (${user.name}), ${transport}`);
            }
        });
      }
    }
  });

  describe('commands: typed with an @mention, and run from a card (command.run)', () => {
    for (const name of Object.keys(commands) as CommandName[]) {
      const word = commands[name].words[0];
      for (const { name: where, chat } of sharedChats) {
        const anywhere = commandWhere[name] === 'anywhere';
        it(`${word} from ${where}: ${anywhere ? 'answered, and about nobody' : 'refused with one line'}`, async () => {
          for (const { role, user } of actors)
            for (const transport of ['typed', 'Action.Execute', 'Action.Submit'] as const) {
              const data: Data = transport === 'typed' ? { text: word } : { command: name };
              const seen = await attempt(fromChat(user, chat, transport, verbs.runCommand, data));
              const what = `${role} (${user.name}), ${transport}`;
              if (!anywhere) {
                assertRefused(seen, chat, transport, what);
                continue;
              }
              const cards = seen.sent.filter((s) => s.conversationId === chat.conversation.id);
              assert.equal(cards.length, 1, `${what}: one answer in that chat`);
              const shown = textOf(cardOf(cards[0]!.activity));
              assert.match(shown, /What you can do/, what);
              // in front of others, help says what anyone can do and nothing about the asker
              assert.doesNotMatch(shown, /As a coordinator|You are paused/, what);
              assert.ok(!JSON.stringify([seen.body, seen.sent]).includes(marker), `${what}: the marker`);
              assert.deepEqual(seen.updated, [], `${what}: a card was updated in place`);
              assert.deepEqual(seen.docsAfter, seen.docsBefore, `${what}: stored documents changed`);
            }
        });
      }
    }
  });

  describe('the reported and the forged', () => {
    it('a forged Action.Submit of command.run for my data, in the channel, shows nothing of Blake', async () => {
      const seen = await attempt(
        fromSharedChat(
          submit(blake, svc, sharedCardId.get(channel)!, { verb: verbs.runCommand, command: 'myData' }),
          channel,
        ),
      );
      assertRefused(seen, channel, 'Action.Submit', 'forged my data');
    });

    it('accepting the CSV file consent in a channel uploads nothing, records nothing and says one line', async () => {
      for (const action of ['accept', 'decline'] as const) {
        const seen = await attempt(
          fromSharedChat(
            fileConsent(
              avery,
              svc,
              action,
              { programmeId: w.programmeId },
              bot.connector.uploadInfo('figures.csv'),
            ),
            channel,
          ),
        );
        assertRefused(seen, channel, 'typed', `file consent ${action}`);
      }
    });

    it('an activity calling itself personal but carrying a team or isGroup is not the 1:1 chat', async () => {
      const claims = [
        {
          what: 'personal, with channelData.team',
          conversation: { id: team.id, conversationType: 'personal', tenantId },
          channelData: channel.channelData,
          chat: channel,
        },
        {
          what: 'personal, with isGroup',
          conversation: { id: group.conversation.id, conversationType: 'personal', isGroup: true, tenantId },
          channelData: group.channelData,
          chat: group,
        },
      ];
      for (const claim of claims) {
        const forged = (activity: object) => ({
          ...activity,
          conversation: claim.conversation,
          channelData: claim.channelData,
        });
        const typed = await attempt(forged(message(blake, svc, '<at>Peer Coach</at> my data')));
        assertRefused(typed, claim.chat, 'typed', `${claim.what}: typed`);
        const clicked = await attempt(forged(execute(blake, svc, verbs.runCommand, { command: 'myData' })));
        assertRefused(clicked, claim.chat, 'Action.Execute', `${claim.what}: Action.Execute`);
      }
    });
  });

  describe('what the shared chats received', () => {
    it('no message or card update in the channel or the group chat holds the marker', () => {
      for (const id of [team.id, group.conversation.id]) {
        const received = [...bot.connector.sent, ...bot.connector.updated].filter(
          (s) => s.conversationId === id,
        );
        assert.ok(received.length > 10, `${id} was answered`);
        for (const r of received) assert.ok(!JSON.stringify(r).includes(marker), `${id} received the marker`);
      }
    });
  });
});
