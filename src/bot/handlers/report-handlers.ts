import { renderNoticeCard } from '../../cards/notice-card';
import { renderProgrammeListCard } from '../../cards/programme-list-card';
import { renderReportCard } from '../../cards/report-card';
import { CsvLabels, programmeCsv, programmeCsvFileName } from '../../domain/report/csv';
import { figureRows, pairRows, practisedRows } from '../../cards/report-card';
import { offerCsv } from './csv-offer';
import { Words } from '../../i18n';
import { BotServices } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply } from '../turn';
import { verbs } from '../verbs';

async function reportCard(actor: Actor, services: BotServices, programmeId: string) {
  const found = await services.reports.figures(programmeId, services.clock.now());
  if (!found) return renderNoticeCard({ title: actor.words.t('common.notFound') });
  return renderReportCard({ programme: found.facts.programme, figures: found.figures }, actor.words);
}

/** `report`: the one programme's report, or a choice of programmes */
export async function report(actor: Actor, services: BotServices): Promise<Reply> {
  const programmes = await services.programmes.list();
  if (programmes.length === 1) return cardReply(await reportCard(actor, services, programmes[0]!.id));
  return cardReply(renderProgrammeListCard({ programmes, openVerb: verbs.openReport }, actor.words));
}

export async function openReport(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  return { update: await reportCard(actor, services, field(data, 'programmeId', 100)) };
}

/** the coordinator actions recorded for a programme: who, when, what — counts only */
export async function openAudit(actor: Actor, data: CardData, services: BotServices): Promise<ActionResult> {
  const words = actor.words;
  const found = await services.programmes.get(field(data, 'programmeId', 100));
  if (!found) return { update: renderNoticeCard({ title: words.t('common.notFound') }) };
  const entries = await services.audit.latest(found.programme.id, 50);
  return {
    reply: cardReply(
      renderNoticeCard({
        title: words.t('report.auditTitle', { programme: found.programme.name }),
        text: entries.length ? '' : words.t('report.auditNone'),
        sections: entries.map((e) => ({
          heading: `${words.dateTime(new Date(e.at))} — ${e.byName || '—'} ${words.t(`report.actions.${e.action}`)}`,
          body: Object.entries(e.counts)
            .map(([k, v]) => `${countName(k, words)}: ${v}`)
            .join(', '),
        })),
        actions: [
          {
            title: words.t('programme.reportButton'),
            verb: verbs.openReport,
            programmeId: found.programme.id,
          },
        ],
      }),
    ),
  };
}

/** what an audit count was of, in the reader's language; a count no catalogue names keeps its own name */
function countName(count: string, words: Words): string {
  const key = `report.auditCounts.${count}`;
  const name = words.t(key);
  return name === key ? count : name;
}

/** the export's own words (its first line, the about block, the columns) in the reader's language */
export function csvLabels(words: Words): CsvLabels {
  const csv = words.section('report').csv;
  return {
    notice: csv.notice,
    programme: csv.programme,
    generated: csv.generated,
    figureColumns: [csv.figure, csv.value],
    pairColumns: [csv.pair, csv.completed, csv.target, csv.stage],
    practisedColumns: [csv.context, csv.category, csv.observations],
  };
}

/**
 * The CSV of a programme's figures, made fresh every time: nothing is exported ahead of the
 * coordinator's consent, and no export sits in any store.
 */
export async function programmeExport(
  services: BotServices,
  programmeId: string,
  words: Words,
): Promise<{ name: string; bytes: Buffer; programmeName: string } | undefined> {
  const now = services.clock.now();
  const found = await services.reports.figures(programmeId, now);
  if (!found) return undefined;
  // the same released figures as the card: the file is no way around the steps
  const { facts, figures } = found;
  const csv = programmeCsv({
    labels: csvLabels(words),
    programmeName: facts.programme.name,
    generatedAt: now,
    timeZone: facts.programme.timeZone,
    figures: figureRows(figures, words),
    pairs: pairRows(figures, words).map((p, i) => ({
      names: p.names,
      completed: figures.pairs[i]!.completed,
      target: figures.pairs[i]!.target,
      stage: p.stage,
    })),
    practised: practisedRows(figures, words),
  });
  return {
    name: programmeCsvFileName(facts.programme.name, now, facts.programme.timeZone, {
      name: (programme, date) => words.t('report.csv.fileName', { programme, date }),
      unnamed: words.t('report.csv.unnamed'),
    }),
    bytes: Buffer.from(csv, 'utf8'),
    programmeName: facts.programme.name,
  };
}

/** "Export CSV": asks the coordinator to accept the file into their OneDrive (Teams' file consent) */
export async function exportReport(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const programmeId = field(data, 'programmeId', 100);
  const file = await programmeExport(services, programmeId, actor.words);
  if (!file) return { update: renderNoticeCard({ title: actor.words.t('common.notFound') }) };
  // shown in the chat (the local Playground cannot receive files), it is exported now; with file
  // consent, when the coordinator accepts it
  if (!services.fileConsent)
    await services.audit.record(actor.person, programmeId, 'export', { bytes: file.bytes.length });
  const reply = offerCsv(
    {
      ...file,
      description: actor.words.t('report.exportDescription', { programme: file.programmeName }),
      inlineIntro: actor.words.t('report.exportInline'),
      context: { programmeId },
    },
    services.fileConsent,
  );
  return { reply };
}
