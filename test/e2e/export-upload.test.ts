import assert from 'node:assert/strict';
import { capturedLog } from '../support/captured-log';
import { avery, blake, chris, execute, fileConsent, message } from '../support/activities';
import { buttonData, pairUp } from '../support/cycle-fixtures';
import { cardOf, startTestBot, TestBot } from '../support/test-bot';

describe('e2e: the CSV export goes only to the upload hosts Teams uses', () => {
  let bot: TestBot;
  let programmeId: string;
  const { log, lines: logged } = capturedLog('warn');

  before(async () => {
    bot = await startTestBot(
      { COORDINATOR_AAD_IDS: avery.aadObjectId, EXPORT_AS: 'file' },
      undefined,
      undefined,
      log,
    );
    bot.clock.set('2026-09-01T08:00:00Z');
    await pairUp(bot, avery, blake, chris);
    const svc = bot.connector.url;
    await bot.post(message(avery, svc, 'report'));
    const report = cardOf(bot.connector.to(avery.conversationId).at(-1));
    await bot.post(execute(avery, svc, 'report.export', buttonData(report, 'report.export')));
    const consent = bot.connector.to(avery.conversationId).at(-1) as {
      attachments: { content: { acceptContext: { programmeId: string } } }[];
    };
    programmeId = consent.attachments[0]!.content.acceptContext.programmeId;
  });
  after(() => bot.close());

  const accept = (uploadUrl: string) =>
    bot.post(
      fileConsent(
        avery,
        bot.connector.url,
        'accept',
        { programmeId },
        {
          ...bot.connector.uploadInfo('figures.csv'),
          uploadUrl,
        },
      ),
    );

  it('puts nothing to another host, even on this machine, says the export failed and logs no path or query', async () => {
    const port = new URL(bot.connector.url).port;
    const elsewhere = [
      `http://localhost:${port}/upload/secret-path?tempauth=s3cret`,
      `http://[::1]:${port}/upload/secret-path?tempauth=s3cret`,
      `https://contoso.sharepoint.com.evil.example/upload/secret-path?tempauth=s3cret`,
    ];
    for (const url of elsewhere) {
      const before = bot.connector.to(avery.conversationId).length;
      assert.equal((await accept(url)).status, 200);
      assert.equal(bot.connector.to(avery.conversationId).length, before + 1, url);
      assert.match(String(bot.connector.to(avery.conversationId).at(-1)?.text), /could not be saved/, url);
    }
    assert.equal(bot.connector.uploads.length, 0, 'no PUT reached the local store');
    const refusals = logged.filter((l) => /export upload/.test(l));
    assert.equal(refusals.length, elsewhere.length, logged.join('\n'));
    assert.doesNotMatch(logged.join('\n'), /secret-path|s3cret|tempauth/);
  });

  it('still uploads to the host the tests allow', async () => {
    assert.equal((await accept(bot.connector.uploadInfo('figures.csv').uploadUrl)).status, 200);
    assert.equal(bot.connector.uploads.length, 1);
  });
});
