import template from '../../cards/schedule.json';
import {
  learnerLevels,
  ScheduleErrors,
  scheduleFields,
  ScheduleInput,
  settings,
  talkChoices,
} from '../domain/cycle/observation';
import { Words } from '../i18n';
import { AdaptiveCard, allKeys, Choice, expandCard, numberValue } from './render';

const fields = ['pair', ...scheduleFields] as const;

export interface ScheduleCardData {
  /** a new observation, moving one, or the return visit with roles swapped */
  readonly mode: 'new' | 'move' | 'return';
  /** false once saved: the card shows the outcome and cannot be sent again */
  readonly editable: boolean;
  readonly message?: string;
  /** the person's pairs, as `pairId|programmeId` (a choice appears only with more than one) */
  readonly pairs: readonly Choice[];
  /** who may host: the pair's members */
  readonly members: readonly Choice[];
  readonly input: ScheduleInput & { readonly pair?: string };
  /** message keys per field */
  readonly errors: ScheduleErrors;
  /** the pair (`pairId|programmeId`) when there is no choice to make */
  readonly pairKey?: string;
  readonly observationId?: string;
  readonly returnOf?: string;
  /** moving an observation that has a talk: offer to move the talk with it */
  readonly talkMoves?: boolean;
  /** once saved: buttons that open an address ("Add to calendar", a Teams meeting invite) */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
  /** once saved: what to know about those buttons, already translated */
  readonly note?: string;
}

export function renderScheduleCard(data: ScheduleCardData, words: Words): AdaptiveCard {
  const titles = {
    new: 'schedule.title',
    move: 'schedule.rescheduleTitle',
    return: 'schedule.returnTitle',
  } as const;
  return expandCard(template, {
    title: words.t(titles[data.mode]),
    intro: words.t('schedule.intro', { zone: words.timeZone }),
    message: data.message ?? '',
    editable: data.editable,
    submit: words.t(data.mode === 'move' ? 'schedule.moveSubmit' : 'schedule.submit'),
    pairs: data.pairs,
    members: data.members,
    settings: settings.map((s) => ({ title: words.t(`settings.${s}`), value: s })),
    learnerLevels: learnerLevels.map((l) => ({ title: words.t(`learnerLevels.${l}`), value: l })),
    talkChoices: talkChoices.map((c) => ({ title: words.t(`schedule.talkChoice.${c}`), value: c })),
    talkMoves: data.talkMoves ?? false,
    input: { ...allKeys(fields, data.input), durationMinutes: numberValue(data.input.durationMinutes) },
    errors: allKeys(
      fields,
      Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k, v ? words.t(v) : ''])),
    ),
    pairKey: data.pairKey ?? '',
    observationId: data.observationId ?? '',
    returnOf: data.returnOf ?? '',
    links: data.links ?? [],
    note: data.note ?? '',
    t: words.section('schedule'),
  });
}
