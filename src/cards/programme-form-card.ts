import template from '../../cards/programme-form.json';
import { FieldErrors, ProgrammeInput, programmeFields as fields } from '../domain/programme';
import { dayScale, TimingScale } from '../domain/timing';
import { supportedLanguages, Words } from '../i18n';
import { AdaptiveCard, allKeys, expandCard, numberValue } from './render';

export interface ProgrammeFormCardData {
  /** absent for a new programme */
  readonly programmeId?: string;
  /** the programme's name when editing (for the title) */
  readonly editingName?: string;
  /** the version the form was opened at; a save against a newer version is refused */
  readonly version?: string;
  /** what the coordinator typed (or the defaults); kept through errors so nothing is lost */
  readonly input: ProgrammeInput;
  readonly errors: FieldErrors;
  /** the identifiers found in the name, masked (for the name's error message) */
  readonly found?: string;
  /** a message above the form (e.g. someone else saved meanwhile) */
  readonly notice?: string;
  /** how long the policy's days last here: a local run ignores quiet hours and working days */
  readonly scale?: TimingScale;
}

/** the fields the card asks for as an Input.Number */
const numberFields = [
  'targetObservations',
  'evaluationDays',
  'beforeDays',
  'afterMinutes',
  'reminderDays',
  'deadlineDays',
] as const satisfies readonly (typeof fields)[number][];

export function renderProgrammeFormCard(data: ProgrammeFormCardData, words: Words): AdaptiveCard {
  return expandCard(template, {
    title: data.programmeId
      ? words.t('programme.editTitle', { name: data.editingName ?? '' })
      : words.t('programme.newTitle'),
    programmeId: data.programmeId ?? '',
    version: data.version ?? '',
    notice: data.notice ?? '',
    timingNote:
      (data.scale ?? dayScale).unit === 'minutes'
        ? `${words.t('programme.timingNote')} ${words.t('programme.timingNoteLocal')}`
        : words.t('programme.timingNote'),
    input: {
      ...allKeys(fields, data.input),
      ...Object.fromEntries(numberFields.map((f) => [f, numberValue(data.input[f])])),
    },
    errors: allKeys(
      fields,
      Object.fromEntries(
        Object.entries(data.errors).map(([k, v]) => [k, v ? words.t(v, { found: data.found ?? '' }) : '']),
      ),
    ),
    languages: supportedLanguages.map((l) => ({ title: words.t(`language.${l}`), value: l })),
    weekdays: [1, 2, 3, 4, 5, 6, 7].map((d) => ({ title: words.weekday(d), value: String(d) })),
    t: words.section('programme'),
  });
}
