import template from '../../cards/notice.json';
import { AdaptiveCard, expandCard } from './render';

/** a message with a title, optional sections and optional follow-up buttons; all text already translated */
export interface NoticeCardData {
  readonly title: string;
  readonly text?: string;
  readonly sections?: readonly { readonly heading: string; readonly body: string }[];
  readonly actions?: readonly {
    readonly title: string;
    readonly verb: string;
    readonly programmeId?: string;
  }[];
  /** buttons that open an address (Action.OpenUrl), after the others: "Add to calendar" */
  readonly links?: readonly { readonly title: string; readonly url: string }[];
}

export function renderNoticeCard(data: NoticeCardData): AdaptiveCard {
  return expandCard(template, {
    title: data.title,
    text: data.text ?? '',
    sections: data.sections ?? [],
    actions: (data.actions ?? []).map((a) => ({ ...a, programmeId: a.programmeId ?? '' })),
    links: data.links ?? [],
  });
}
