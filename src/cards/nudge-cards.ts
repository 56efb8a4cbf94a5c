import composeTemplate from '../../cards/nudge-compose.json';
import previewTemplate from '../../cards/nudge-preview.json';
import progressTemplate from '../../cards/nudge-progress.json';
import { Nudge } from '../domain/nudge/nudge';
import { segmentKinds } from '../domain/report/segments';
import { Params, Words } from '../i18n';
import { AdaptiveCard, expandCard, firstOf, numberValue } from './render';

export const wordings = ['schedule', 'waiting', 'peer', 'thanks'] as const;
export type Wording = (typeof wordings)[number];

export interface NudgeComposeCardData {
  readonly programmeId: string;
  readonly programmeName: string;
  /** what was chosen and typed, kept through a refusal */
  readonly input: {
    readonly segment?: string;
    readonly days?: string;
    readonly wording?: string;
    readonly message?: string;
  };
  /** message key */
  readonly error?: string;
  /** what the message's placeholders stand for */
  readonly errorParams?: Params;
}

export function renderNudgeComposeCard(data: NudgeComposeCardData, words: Words): AdaptiveCard {
  return expandCard(composeTemplate, {
    programmeId: data.programmeId,
    title: words.t('nudge.title', { programme: data.programmeName }),
    error: data.error ? words.t(data.error, data.errorParams) : '',
    segments: segmentKinds.map((k) => ({ title: words.t(`nudge.segments.${k}`), value: k })),
    wordings: wordings.map((w) => ({ title: words.t(`nudge.wordings.${w}`), value: w })),
    input: {
      segment: data.input.segment || 'nothingScheduled',
      days: numberValue(data.input.days) ?? 3,
      wording: data.input.wording || 'schedule',
      message: data.input.message ?? '',
    },
    t: words.section('nudge'),
  });
}

export interface NudgePreviewCardData {
  readonly programmeName: string;
  readonly nudge: Nudge;
  readonly excluded: { readonly paused: number; readonly unreachable: number };
  /** the unreachable segment: people to contact another way, by name */
  readonly listOnly?: readonly string[];
}

/** what the coordinator confirms: how many it reaches, who is left out, and exactly what they will see */
export function renderNudgePreviewCard(data: NudgePreviewCardData, words: Words): AdaptiveCard {
  const count = data.nudge.recipients.length;
  const names = data.listOnly ? firstOf(data.listOnly, 100) : undefined;
  return expandCard(previewTemplate, {
    programmeId: data.nudge.programmeId,
    nudgeId: data.nudge.id,
    title: words.t('nudge.previewTitle', { programme: data.programmeName }),
    reach: data.listOnly ? '' : count > 0 ? words.t('nudge.reach', { count }) : words.t('nudge.nobody'),
    excluded:
      data.excluded.paused + data.excluded.unreachable > 0 ? words.t('nudge.excluded', data.excluded) : '',
    listIntro: data.listOnly
      ? data.listOnly.length
        ? words.t('nudge.listIntro')
        : words.t('nudge.nobody')
      : '',
    names: names
      ? [words.list(names.shown), names.more ? words.t('common.andMore', { count: names.more }) : '']
          .filter(Boolean)
          .join(' ')
      : '',
    canSend: !data.listOnly && count > 0,
    message: data.nudge.message,
    send: words.t('nudge.send', { count }),
    t: words.section('nudge'),
  });
}

/** the coordinator's card while the nudge goes out, and the delivery report at the end */
export function renderNudgeProgressCard(nudge: Nudge, programmeName: string, words: Words): AdaptiveCard {
  const c = nudge.counts;
  const done = c.sent + c.unreachable + c.failed + c.paused;
  const total = nudge.recipients.length;
  const finished = nudge.status === 'done';
  return expandCard(progressTemplate, {
    title: `${words.t(finished ? 'nudge.doneTitle' : 'nudge.sendingTitle')} — ${programmeName}`,
    summary: words.t('nudge.progress', { done, total }),
    facts: [
      { title: words.t('nudge.sent'), value: String(c.sent) },
      { title: words.t('nudge.unreachable'), value: String(c.unreachable) },
      { title: words.t('nudge.failed'), value: String(c.failed) },
      { title: words.t('nudge.paused'), value: String(c.paused) },
      ...(finished ? [] : [{ title: words.t('nudge.remaining'), value: String(total - done) }]),
    ],
  });
}
