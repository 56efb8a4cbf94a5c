import template from '../../cards/profile.json';
import { supportedLanguages, Words } from '../i18n';
import { AdaptiveCard, allKeys, expandCard } from './render';

const fields = ['timeZone', 'locale', 'department'] as const;

/** a ChoiceSet value cannot be empty: this one means "no override, follow Teams" */
export const followTeamsValue = 'teams';
export type ProfileCardField = (typeof fields)[number];

export interface ProfileCardData {
  /** false once saved: the card shows what was saved and cannot be submitted again */
  readonly editable: boolean;
  readonly input: Partial<Record<ProfileCardField, string>>;
  /** the time zone and locale Teams reported, shown beside the override */
  readonly fromTeams: { readonly timeZone?: string; readonly locale?: string };
  /** message keys per field */
  readonly errors: Partial<Record<ProfileCardField, string>>;
  readonly message: string;
}

export function renderProfileCard(data: ProfileCardData, words: Words): AdaptiveCard {
  const languages = [
    { title: words.t('common.followTeams'), value: followTeamsValue },
    ...supportedLanguages.map((l) => ({ title: words.t(`language.${l}`), value: l })),
  ];
  const followTeams = words.t('common.followTeams');
  return expandCard(template, {
    editable: data.editable,
    message: data.message,
    input: allKeys(fields, { ...data.input, locale: data.input.locale || followTeamsValue }),
    errors: allKeys(
      fields,
      Object.fromEntries(Object.entries(data.errors).map(([k, v]) => [k, v ? words.t(v) : ''])),
    ),
    timeZoneFromTeams: words.t('profile.fromTeams', { value: data.fromTeams.timeZone ?? '—' }),
    shown: {
      timeZone: data.input.timeZone || `${followTeams} (${words.timeZone})`,
      language: data.input.locale
        ? words.t(`language.${data.input.locale}`)
        : `${followTeams} (${words.t(`language.${words.language}`)})`,
      department: data.input.department || '—',
    },
    languages,
    t: words.section('profile'),
  });
}
