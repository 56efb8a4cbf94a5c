import template from '../../cards/my-data.json';
import { Observation } from '../domain/cycle/observation';
import { Prompt } from '../domain/cycle/prompt';
import { OwnEvaluation } from '../domain/evaluation/own-evaluations';
import { overallIds } from '../domain/evaluation/end-answers';
import { overallChoice } from './evaluation-end-card';
import { statementIds } from '../domain/evaluation/statements';
import { questionsFor } from '../domain/cycle/questions';
import { Words } from '../i18n';
import { whenText } from './observation-text';
import { promptTitles } from './prompt-card';
import { AdaptiveCard, expandCard } from './render';

export interface MyDataCardData {
  readonly answers: readonly {
    readonly prompt: Prompt;
    readonly observation: Observation | undefined;
    readonly hostName: string | undefined;
  }[];
  readonly actionPoints: readonly { readonly point: string }[];
  /** their evaluation ratings, by programme */
  readonly evaluations?: readonly OwnEvaluation[];
}

/** a card holds this many answered prompts, so even the longest answers stay under 28 KB */
const promptsPerCard = 3;

/**
 * `my data`: everything a person wrote, readable, as one or more cards. Their own words are shown as
 * TextRuns, never as markdown.
 */
export function renderMyDataCards(data: MyDataCardData, words: Words): AdaptiveCard[] {
  const sections = data.answers.map(({ prompt, observation, hostName }) => ({
    heading: words.t('myData.prompt', {
      when: observation ? whenText(observation, words) : '—',
      kind: words.t(promptTitles[prompt.kind], { host: hostName || '—' }),
    }),
    entries: questionsFor(prompt.kind)
      .filter((q) => prompt.answers?.[q.id])
      .map((q) => ({ question: words.t(`questions.${q.id}`), answer: prompt.answers![q.id]! })),
  }));
  sections.push(...evaluationSections(data.evaluations ?? [], words));
  if (data.actionPoints.length > 0) {
    sections.push({
      heading: words.t('myData.actionPoints'),
      entries: data.actionPoints.map((a) => ({ question: '•', answer: a.point })),
    });
  }
  const chunks: (typeof sections)[] = [];
  for (let i = 0; i < sections.length; i += promptsPerCard)
    chunks.push(sections.slice(i, i + promptsPerCard));
  if (chunks.length === 0) chunks.push([]);
  return chunks.map((chunk, i) =>
    expandCard(template, {
      title:
        chunks.length > 1
          ? words.t('myData.part', { n: i + 1, total: chunks.length })
          : words.t('myData.title'),
      intro: i === 0 ? (sections.length ? words.t('myData.intro') : words.t('myData.none')) : '',
      sections: chunk,
      last: i === chunks.length - 1 && sections.length > 0,
      t: words.section('myData'),
    }),
  );
}

/**
 * Each programme's questionnaires as one section: with both answered, each statement shows the start
 * beside the end; then the end's overall answers and the comment to the coordinator.
 */
function evaluationSections(
  evaluations: readonly OwnEvaluation[],
  words: Words,
): { heading: string; entries: { question: string; answer: string }[] }[] {
  const t = words.section('evaluation');
  const rated = (n: number | undefined) =>
    n === undefined ? '—' : t.scale[String(n) as keyof typeof t.scale];
  const programmeIds = [...new Set(evaluations.map((e) => e.programmeId))];
  return programmeIds.map((programmeId) => {
    const before = evaluations.find((e) => e.programmeId === programmeId && e.phase === 'baseline');
    const end = evaluations.find((e) => e.programmeId === programmeId && e.phase === 'end');
    const programme = (before ?? end)!.programmeName || '—';
    const heading = before && end ? 'myDataBoth' : before ? 'myDataBaseline' : 'myDataEnd';
    const statements = statementIds
      .filter((id) => before?.ratings[id] !== undefined || end?.ratings[id] !== undefined)
      .map((id) => ({
        question: t.short[id],
        answer:
          before && end
            ? words.t('evaluation.myDataPair', {
                before: rated(before.ratings[id]),
                end: rated(end.ratings[id]),
              })
            : rated((before ?? end)!.ratings[id]),
      }));
    const overall = overallIds
      .filter((id) => end?.overall?.[id] !== undefined)
      .map((id) => ({
        question: t.myDataOverall[id],
        answer: overallChoice(words, id, String(end!.overall![id])),
      }));
    const comment = end?.comment ? [{ question: t.myDataComment, answer: end.comment }] : [];
    return {
      heading: words.t(`evaluation.${heading}`, { programme }),
      entries: [...statements, ...overall, ...comment],
    };
  });
}
