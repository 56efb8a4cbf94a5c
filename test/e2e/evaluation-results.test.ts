import assert from 'node:assert/strict';
import {
  avery,
  blake,
  chris,
  dana,
  eli,
  execute,
  fileConsent,
  fran,
  testUser,
  TestUser,
} from '../support/activities';
import { buttonData } from '../support/cycle-fixtures';
import { e2eBot } from '../support/e2e-bot';
import { cardOf, createProgramme, textOf, verbsOf } from '../support/test-bot';

const gus = testUser('9', 'Gus Holm');
const supervisors = [blake, chris, dana, eli, fran, gus];

/**
 * The coordinator's side of the evaluation, through the bot with six supervisors. The end
 * questionnaires are written straight into the store, as its own service would store them: the end
 * card is built at the same time, elsewhere, and this is about what the coordinator gets.
 */
describe('e2e: the evaluation results a coordinator gets', () => {
  const bot = e2eBot({ lifetime: 'describe', installed: [avery, ...supervisors] });
  let programmeId = '';

  const stored = (user: TestUser, phase: 'baseline' | 'end', rating: number, comment?: string) =>
    bot.app.store.containers.programmes.items.create({
      type: 'evaluation',
      id: `evaluation:${phase}:${user.aadObjectId}`,
      programmeId,
      personId: user.aadObjectId,
      phase,
      status: 'answered',
      sentAt: '2026-12-20T08:00:00.000Z',
      answeredAt: '2026-12-21T08:00:00.000Z',
      ratings: { strategies: rating, feedback: rating },
      ...(phase === 'end' ? { overall: { safety: 4, usefulness: rating, recommend: 8 } } : {}),
      ...(comment ? { comment } : {}),
    });
  const programmeCard = () => bot.click(avery, 'programme.open', { programmeId });

  before(async () => {
    bot.clock.set('2026-09-01T08:00:00Z');
    programmeId = (await createProgramme(bot, avery, 'Autumn')).programmeId;
    await bot.click(avery, 'enrol.save', {
      programmeId,
      people: supervisors.map((s) => s.aadObjectId).join(','),
    });
  });

  it('shows only how many answered at the end while it is open', async () => {
    for (const [i, s] of supervisors.entries()) await stored(s, 'baseline', 2 + (i % 2));
    for (const [i, s] of supervisors.slice(0, 3).entries())
      await stored(s, 'end', 4, `MARKER-comment-${i} from ${s.name}`);
    const card = await programmeCard();
    assert.match(textOf(card), /End questionnaire answered\n3/);
    assert.doesNotMatch(JSON.stringify(card), /MARKER/);
    assert.ok(verbsOf(card).includes('evaluation.close.ask'));
  });

  it('refuses every evaluation verb to a supervisor', async () => {
    for (const verb of [
      'evaluation.close.ask',
      'evaluation.close',
      'evaluation.results',
      'evaluation.results.export',
    ]) {
      const answer = await bot.post(execute(blake, bot.svc, verb, { programmeId }));
      assert.match(
        JSON.stringify(answer.body) + textOf(bot.lastTo(blake)),
        /for programme coordinators/,
        verb,
      );
    }
    await bot.post(execute(avery, bot.svc, 'evaluation.results', { programmeId }));
    assert.match(textOf(bot.lastTo(avery)), /still open/);
  });

  it('asks first, then closes and releases once: figures over five or more, comments only when five wrote one', async () => {
    for (const [i, s] of supervisors.slice(3).entries())
      await stored(s, 'end', 5, i < 2 ? `MARKER-comment-${i + 3} from ${s.name}` : undefined);
    const ask = await bot.click(
      avery,
      'evaluation.close.ask',
      buttonData(await programmeCard(), 'evaluation.close.ask'),
    );
    assert.match(textOf(ask), /Close the evaluation of Autumn now\?[\s\S]*So far 6 have answered/);
    const results = await bot.click(avery, 'evaluation.close', buttonData(ask, 'evaluation.close'));
    const text = textOf(results);
    assert.match(text, /Evaluation — Autumn/);
    assert.match(text, /6 answered at the end/);
    assert.match(text, /Median: before 2.5, at the end 4.5/);
    assert.match(text, /Rated both times by 6: the directions of change are too small to show apart/);
    const shown = text.match(/MARKER-comment-\d/g) ?? [];
    assert.deepEqual([...shown].sort(), [
      'MARKER-comment-0',
      'MARKER-comment-1',
      'MARKER-comment-2',
      'MARKER-comment-3',
      'MARKER-comment-4',
    ]);
    assert.match(await programmeText(), /Evaluation\nclosed/);

    // the other coordinators can see who closed it; a second close records nothing more
    await bot.click(avery, 'evaluation.close', buttonData(ask, 'evaluation.close'));
    await bot.post(execute(avery, bot.svc, 'report.audit', { programmeId }));
    const audit = cardOf(bot.connector.to(avery.conversationId).at(-1));
    assert.equal((textOf(audit).match(/closed the evaluation/g) ?? []).length, 1);
  });

  it('answers that arrive after the release do not change what was released', async () => {
    const before = await bot.click(avery, 'evaluation.results', { programmeId });
    await bot.app.store.containers.programmes
      .item(`evaluation:end:${gus.aadObjectId}`, programmeId)
      .delete()
      .catch(() => undefined);
    await stored(gus, 'end', 1, 'MARKER-late');
    await bot.click(avery, 'evaluation.close', { programmeId });
    const after = await bot.click(avery, 'evaluation.results', { programmeId });
    assert.deepEqual(after, before);
    assert.doesNotMatch(JSON.stringify(after), /MARKER-late/);
  });

  it('exports the same release as a CSV that says it holds the released comments', async () => {
    const results = await bot.click(avery, 'evaluation.results', { programmeId });
    const consent = await bot.post(
      fileConsent(
        avery,
        bot.svc,
        'accept',
        { programmeId, file: 'evaluation' } as { programmeId: string },
        bot.connector.uploadInfo('evaluation.csv'),
      ),
    );
    assert.equal(consent.status, 200);
    const upload = bot.connector.uploads.at(-1)!;
    const csv = upload.body.toString('utf8');
    assert.match(
      csv,
      /^\uFEFF"?# Peer Coach evaluation results — figures over five or more people; contains no names or dates, and no text supervisors wrote except the comments released/,
    );
    assert.match(csv, /Exploring teaching strategies,Before,0,3,3,0,0,2.5/);
    for (const marker of textOf(results).match(/MARKER-comment-\d from [A-Za-z ]+/g) ?? [])
      assert.ok(csv.includes(marker));
    assert.doesNotMatch(csv, /MARKER-late|2026-12-21|[0-9a-f]{8}-0000-4000/);
    assert.ok(verbsOf(results).includes('evaluation.results.export'));
  });

  async function programmeText() {
    return textOf(await programmeCard());
  }
});
