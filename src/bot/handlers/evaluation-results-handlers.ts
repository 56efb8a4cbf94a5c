import { renderResultsCard, resultsRows } from '../../cards/evaluation-results-card';
import { renderNoticeCard } from '../../cards/notice-card';
import { resultsCsv, ResultsCsvLabels } from '../../domain/evaluation/results-csv';
import { programmeCsvFileName } from '../../domain/report/csv';
import { Words } from '../../i18n';
import { offerCsv } from './csv-offer';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, field, textReply } from '../turn';
import { verbs } from '../verbs';

/** what a file-consent context names when it is the evaluation's CSV rather than the report's */
export const resultsFile = 'evaluation';

function notFound(words: Words): ActionResult {
  return { update: renderNoticeCard({ title: words.t('common.notFound') }) };
}

/** the programme a card's button names; undefined for another tenant's, or one deleted */
async function programmeOf(data: CardData, services: BotServices) {
  return (await services.programmes.get(field(data, 'programmeId', 100)))?.programme;
}

/** "Close the evaluation now": asks first, saying what closing does and how many answered so far */
export async function askToCloseEvaluation(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const words = actor.words;
  const programme = await programmeOf(data, services);
  if (!programme) return notFound(words);
  const programmeId = programme.id;
  const answered = await services.results.answeredAtEnd(programmeId);
  return {
    update: renderNoticeCard({
      title: words.t('evaluationResults.confirmTitle', { programme: programme.name }),
      text: words.t('evaluationResults.confirmText', { count: answered }),
      actions: [
        { title: words.t('evaluationResults.confirmButton'), verb: verbs.closeEvaluation, programmeId },
        { title: words.t('common.back'), verb: verbs.openProgramme, programmeId },
      ],
    }),
  };
}

/** closes it (once: a second click finds it closed) and shows what was released */
export async function closeEvaluation(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const programme = await programmeOf(data, services);
  if (!programme) return notFound(actor.words);
  const outcome = await services.results.close(programme.id, 'coordinator');
  if (outcome.status === 'missing') return notFound(actor.words);
  // who closed it, and when, for the other coordinators: whether anything was released, nothing more
  if (outcome.status === 'closed')
    await services.audit.record(actor.person, programme.id, 'evaluation.close', {
      released: outcome.results.release ? 1 : 0,
    });
  return { update: renderResultsCard({ programme, results: outcome.results }, actor.words) };
}

/** the evaluation card: the release, once closed */
export async function openResults(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const programme = await programmeOf(data, services);
  if (!programme) return notFound(actor.words);
  const results = await services.results.results(programme.id);
  if (!results) return { reply: textReply(actor.words.t('evaluationResults.notClosed')) };
  return { update: renderResultsCard({ programme, results }, actor.words) };
}

/** the evaluation file's own words in the reader's language */
export function resultsCsvLabels(words: Words): ResultsCsvLabels {
  const csv = words.section('evaluationResults').csv;
  return {
    notice: csv.notice,
    programme: csv.programme,
    generated: csv.generated,
    distributionColumns: [csv.statement, csv.phase, '1', '2', '3', '4', '5', csv.median],
    changeColumns: [csv.statement, csv.change, csv.people],
    overallColumns: [csv.question, csv.rating, csv.people],
    comment: csv.comment,
  };
}

/** the evaluation's CSV, made from the stored release every time (nothing exported is kept) */
export async function resultsExport(
  services: BotServices,
  programmeId: string,
  words: Words,
): Promise<{ name: string; bytes: Buffer; programmeName: string } | undefined> {
  const found = await services.programmes.get(programmeId);
  const results = found && (await services.results.results(programmeId));
  if (!found || !results) return undefined;
  const { programme } = found;
  const now = services.clock.now();
  const csv = resultsCsv({
    labels: resultsCsvLabels(words),
    programmeName: programme.name,
    generatedAt: now,
    timeZone: programme.timeZone,
    ...resultsRows(results, words),
  });
  return {
    name: programmeCsvFileName(programme.name, now, programme.timeZone, {
      name: (name, date) => words.t('evaluationResults.csv.fileName', { programme: name, date }),
      unnamed: words.t('evaluationResults.csv.unnamed'),
    }),
    bytes: Buffer.from(csv, 'utf8'),
    programmeName: programme.name,
  };
}

/** "Export CSV" on the evaluation card: Teams' file consent, or the file in the chat locally */
export async function exportResults(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const programmeId = field(data, 'programmeId', 100);
  const file = await resultsExport(services, programmeId, actor.words);
  if (!file)
    // another tenant's programme, or one deleted, is not found before anything is said of its evaluation
    return (await services.programmes.get(programmeId))
      ? { reply: textReply(actor.words.t('evaluationResults.notClosed')) }
      : notFound(actor.words);
  const reply = offerCsv(
    {
      ...file,
      description: actor.words.t('evaluationResults.exportDescription', { programme: file.programmeName }),
      inlineIntro: actor.words.t('evaluationResults.exportInline'),
      context: { programmeId, file: resultsFile },
    },
    services.fileConsent,
  );
  return { reply };
}
