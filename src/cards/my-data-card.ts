import template from '../../cards/my-data.json';
import { Observation } from '../domain/cycle/observation';
import { Prompt } from '../domain/cycle/prompt';
import { OwnEvaluation } from '../domain/evaluation/own-evaluations';
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
  for (const e of data.evaluations ?? []) {
    const t = words.section('evaluation');
    sections.push({
      heading: words.t('evaluation.myDataBaseline', { programme: e.programmeName || '—' }),
      entries: statementIds
        .filter((id) => e.ratings[id] !== undefined)
        .map((id) => ({
          question: t.short[id],
          answer: t.scale[String(e.ratings[id]) as keyof typeof t.scale],
        })),
    });
  }
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
