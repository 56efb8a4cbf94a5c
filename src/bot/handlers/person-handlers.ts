import { renderHelpCard } from '../../cards/help-card';
import { followTeamsValue, renderProfileCard } from '../../cards/profile-card';
import { Language } from '../../i18n';
import { commandWord, CommandName, commands } from '../inbound/commands';
import { BotServices, wordsOf } from '../services';
import { ActionResult, Actor, CardData, cardReply, field, Reply, textReply } from '../turn';

/** the commands for one role, each by the word the reader types in their language */
function commandList(coordinatorOnly: boolean, language: Language) {
  return (Object.entries(commands) as [CommandName, (typeof commands)[CommandName]][])
    .filter(([, c]) => c.coordinatorOnly === coordinatorOnly)
    .map(([name, c]) => ({ command: commandWord(name, language), description: c.description }));
}

/** in a channel or group chat, what anyone can do and nothing about the asker (role, pause) */
export function help(actor: Actor): Reply {
  const personal = actor.chat === 'personal';
  return cardReply(
    renderHelpCard(
      {
        coordinator: personal && actor.coordinator,
        paused: personal && actor.person.paused,
        supervisorCommands: commandList(false, actor.words.language),
        coordinatorCommands: commandList(true, actor.words.language),
      },
      actor.words,
    ),
  );
}

export function profile(actor: Actor): Reply {
  const p = actor.person;
  return cardReply(
    renderProfileCard(
      {
        editable: true,
        input: { timeZone: p.preferences.timeZone, locale: p.preferences.locale, department: p.department },
        fromTeams: p.seen,
        errors: {},
        message: '',
      },
      actor.words,
    ),
  );
}

export async function saveProfile(
  actor: Actor,
  data: CardData,
  services: BotServices,
): Promise<ActionResult> {
  const input = {
    timeZone: field(data, 'timeZone', 64),
    locale: field(data, 'locale', 16).replace(followTeamsValue, ''),
    department: field(data, 'department', 200),
  };
  const outcome = await services.people.updateProfile(actor.person.id, input);
  if (!outcome.ok) {
    return {
      update: renderProfileCard(
        { editable: true, input, fromTeams: actor.person.seen, errors: outcome.errors, message: '' },
        actor.words,
      ),
    };
  }
  // the confirmation is in the newly chosen language and time zone
  const words = wordsOf(outcome.person, services);
  const message = words.t('profile.saved', {
    timeZone: words.timeZone,
    language: words.t(`language.${words.language}`),
  });
  return {
    update: renderProfileCard(
      {
        editable: false,
        input: {
          timeZone: outcome.person.preferences.timeZone,
          locale: outcome.person.preferences.locale,
          department: outcome.person.department,
        },
        fromTeams: outcome.person.seen,
        errors: {},
        message,
      },
      words,
    ),
  };
}

export async function pause(actor: Actor, services: BotServices): Promise<Reply> {
  const { changed } = await services.people.setPaused(actor.person.id, true);
  return textReply(actor.words.t(changed ? 'common.paused' : 'common.alreadyPaused'));
}

export async function resume(actor: Actor, services: BotServices): Promise<Reply> {
  const { changed } = await services.people.setPaused(actor.person.id, false);
  return textReply(actor.words.t(changed ? 'common.resumed' : 'common.alreadyResumed'));
}
