import assert from 'node:assert/strict';
import { avery, dana, execute, installed, message, testUser, TestUser } from '../support/activities';
import { buttonData } from '../support/cycle-fixtures';
import { cardOf, createProgramme, invokeCard, startTestBot, TestBot, textOf } from '../support/test-bot';
import { previewNudge } from '../support/nudge-fixtures';

/** a supervisor whose Teams is in Swedish */
const sigrid = testUser('1', 'Sigrid Holm', { locale: 'sv-SE' });
/** a coordinator whose Teams is in Swedish */
const karin = testUser('2', 'Karin Lund', { locale: 'sv-SE' });

describe('e2e: English and Swedish, by each person’s Teams locale or profile', () => {
  let bot: TestBot;
  let svc: string;

  beforeEach(async () => {
    bot = await startTestBot({ COORDINATOR_AAD_IDS: `${avery.aadObjectId},${karin.aadObjectId}` });
    svc = bot.connector.url;
    bot.clock.set('2026-09-01T08:00:00Z');
  });
  afterEach(() => bot.close());

  /** the text of the last message the bot sent to someone: a card's visible text, or the message */
  function lastTo(user: TestUser): string {
    const activity = bot.connector.to(user.conversationId).at(-1);
    const card = cardOf(activity);
    return card ? textOf(card) : String(activity?.text ?? '');
  }

  async function say(user: TestUser, text: string): Promise<string> {
    await bot.post(message(user, svc, text));
    return lastTo(user);
  }

  it('welcomes someone whose Teams is in Swedish in Swedish, and understands the Swedish commands', async () => {
    await bot.post(installed(sigrid, svc));
    const welcome = lastTo(sigrid);
    assert.match(welcome, /Välkommen till Peer Coach/);
    assert.match(welcome, /Hej Sigrid Holm!/);
    assert.match(welcome, /Det du skriver stannar hos ert par/);

    const help = await say(sigrid, 'hjälp');
    assert.match(help, /Det här kan du göra/);
    assert.match(help, /\bmina data\b/);
    assert.doesNotMatch(help, /\bmy data\b/);

    assert.match(
      await say(sigrid, 'HELP'),
      /Det här kan du göra/,
      'the English word works too, answered in Swedish',
    );
    assert.match(await say(sigrid, 'paus'), /^Pausat\. .*\*\*fortsätt\*\*/);
    assert.match(await say(sigrid, 'fortsatt'), /^Välkommen tillbaka/, 'typed without ä');
    assert.match(await say(sigrid, 'vad nu'), /Skriv \*\*hjälp\*\*/);
  });

  it('answers an English reader in English, whichever language they type the command in', async () => {
    await bot.post(installed(dana, svc));
    assert.match(await say(dana, 'hjälp'), /What you can do/);
    assert.match(await say(dana, 'bjud in'), /Invite a colleague/);
  });

  it('follows the language chosen in the profile over the one Teams reports, and back', async () => {
    await bot.post(installed(sigrid, svc));
    const saved = invokeCard(
      (await bot.post(execute(sigrid, svc, 'profile.save', { locale: 'en', timeZone: '', department: '' })))
        .body,
    );
    assert.match(textOf(saved), /Saved\. I will show times in Europe\/Stockholm and write in English\./);
    assert.match(await say(sigrid, 'hjälp'), /What you can do/);

    const back = invokeCard(
      (
        await bot.post(
          execute(sigrid, svc, 'profile.save', { locale: 'teams', timeZone: '', department: '' }),
        )
      ).body,
    );
    assert.match(textOf(back), /Sparat\. Tider visas i Europe\/Stockholm\. Språk: Svenska\./);
    assert.match(await say(sigrid, 'help'), /Det här kan du göra/);
  });

  it('sends a ready-made nudge to each supervisor in their own language, and the coordinator’s own words as written', async () => {
    for (const u of [avery, sigrid, dana]) await bot.post(installed(u, svc));
    const { programmeId } = await createProgramme(bot, avery, 'Höst');
    const people = [sigrid, dana].map((u) => u.aadObjectId).join(',');
    await bot.post(execute(avery, svc, 'enrol.save', { programmeId, people }));

    const nudge = async (wording: string, own: string) => {
      const { preview, cardId } = await previewNudge(bot, avery, {
        segment: 'notPaired',
        days: '3',
        wording,
        message: own,
      });
      assert.match(textOf(preview), /This nudge reaches 2 people/);
      await bot.post({
        ...execute(avery, svc, 'nudge.send', buttonData(preview, 'nudge.send')),
        replyToId: cardId,
      });
      await bot.runDueWork();
    };

    await nudge('peer', '');
    assert.match(lastTo(sigrid), /En hälsning från din programsamordnare/);
    assert.match(lastTo(sigrid), /Du ingår inte i något par ännu\. Skriv \*\*bjud in\*\*/);
    assert.match(lastTo(dana), /A note from your programme coordinator/);
    assert.match(lastTo(dana), /You do not have a peer yet/);

    await nudge('peer', 'See you at the faculty day!');
    assert.match(lastTo(sigrid), /En hälsning från din programsamordnare\nSee you at the faculty day!/);
    assert.match(lastTo(dana), /See you at the faculty day!/);
  });

  it('gives a Swedish coordinator the report, the audit log and the CSV export in Swedish', async () => {
    for (const u of [karin, sigrid, dana]) await bot.post(installed(u, svc));
    const { programmeId } = await createProgramme(bot, karin, 'Vårtermin');
    const people = [sigrid, dana].map((u) => u.aadObjectId).join(',');
    await bot.post(execute(karin, svc, 'enrol.save', { programmeId, people }));

    const report = await say(karin, 'rapport');
    assert.match(report, /Vårtermin: läget just nu/);
    assert.match(report, /Registrerade handledare\nfärre än 5/);

    const audit = await bot.post(execute(karin, svc, 'report.audit', { programmeId }));
    assert.equal(audit.status, 200);
    const log = lastTo(karin);
    assert.match(log, /samordnarnas åtgärder/);
    assert.match(log, /Karin Lund registrerade handledare/);
    assert.match(log, /registrerade: 2, redan registrerade: 0, inte nåbara: 0/);

    await bot.post(execute(karin, svc, 'report.export', { programmeId }));
    const csv = lastTo(karin);
    assert.match(csv, /^I lokalt läge går det inte att skicka filer/);
    assert.match(csv, /# Peer Coach deltagarexport – bara antal/);
    assert.match(csv, /# program: Vårtermin/);
    assert.match(csv, /mått,värde\r?\nRegistrerade handledare,färre än 5/);
    assert.match(csv, /par,genomförda,mål,läge/);
  });
});
