import { Language, MessageKey } from '../../i18n';
import { Where } from '../turn';

/** what a command needs besides English: the words typed in every other language */
type OtherLanguages = { readonly [L in Exclude<Language, 'en'>]: readonly string[] };

/**
 * What people can type in the 1:1 chat; the manifest's command lists (and its Swedish localisation
 * file) carry the same words. `words` are the English spellings, `sv` the Swedish ones, each with
 * the one shown in help first. Every spelling works whatever language the person reads, so a
 * Swedish speaker whose Teams is in English can still type **hjälp**. `where` says whether a
 * command may also answer in a channel or group chat (after an @mention), where everyone reads the
 * answer; the router refuses the others there before they run.
 */
export const commands = {
  help: {
    words: ['help', '?', 'hi', 'hello', 'start'],
    sv: ['hjälp', 'hej', 'hallå'],
    description: 'help.help',
    coordinatorOnly: false,
    // what anyone can do, about nobody: the one answer fit for a channel or a group chat
    where: 'anywhere',
  },
  profile: {
    words: ['profile', 'settings', 'my profile'],
    sv: ['profil', 'inställningar', 'min profil'],
    description: 'help.profile',
    coordinatorOnly: false,
    where: 'personal',
  },
  pause: {
    words: ['pause'],
    sv: ['paus', 'pausa'],
    description: 'help.pause',
    coordinatorOnly: false,
    where: 'personal',
  },
  resume: {
    words: ['resume', 'unpause'],
    sv: ['fortsätt', 'återuppta', 'avsluta paus'],
    description: 'help.resume',
    coordinatorOnly: false,
    where: 'personal',
  },
  invite: {
    words: ['invite', 'invite a colleague'],
    sv: ['bjud in', 'bjud in en kollega', 'bjud in kollega'],
    description: 'help.invite',
    coordinatorOnly: false,
    where: 'personal',
  },
  schedule: {
    words: ['schedule', 'new observation', 'plan'],
    sv: ['boka', 'ny observation', 'planera', 'boka observation'],
    description: 'help.schedule',
    coordinatorOnly: false,
    where: 'personal',
  },
  upcoming: {
    words: ['upcoming', 'observations', 'my observations'],
    sv: ['kommande', 'observationer', 'mina observationer'],
    description: 'help.upcoming',
    coordinatorOnly: false,
    where: 'personal',
  },
  myData: {
    words: ['my data', 'mydata', 'export my data'],
    sv: ['mina data', 'mina uppgifter', 'exportera mina data'],
    description: 'help.myData',
    coordinatorOnly: false,
    where: 'personal',
  },
  deleteMyData: {
    words: ['delete my data', 'delete my answers', 'erase my data'],
    sv: ['radera mina data', 'radera mina svar', 'ta bort mina data'],
    description: 'help.deleteMyData',
    coordinatorOnly: false,
    where: 'personal',
  },
  history: {
    words: ['history', 'summaries'],
    sv: ['historik', 'sammanfattningar'],
    description: 'help.history',
    coordinatorOnly: false,
    where: 'personal',
  },
  programmes: {
    words: ['programmes', 'programs', 'programme', 'program'],
    sv: ['program', 'programmen'],
    description: 'help.programmes',
    coordinatorOnly: true,
    where: 'personal',
  },
  newProgramme: {
    words: ['new programme', 'new program', 'create programme', 'create program'],
    sv: ['nytt program', 'skapa program'],
    description: 'help.newProgramme',
    coordinatorOnly: true,
    where: 'personal',
  },
  coordinators: {
    words: ['coordinators', 'coordinator'],
    sv: ['samordnare', 'koordinatorer', 'koordinator'],
    description: 'help.coordinators',
    coordinatorOnly: true,
    where: 'personal',
  },
  report: {
    words: ['report', 'figures', 'participation'],
    sv: ['rapport', 'statistik', 'deltagande'],
    description: 'help.report',
    coordinatorOnly: true,
    where: 'personal',
  },
  nudge: {
    words: ['nudge', 'nudges'],
    sv: ['knuff', 'knuffa', 'påminn'],
    description: 'help.nudge',
    coordinatorOnly: true,
    where: 'personal',
  },
} as const satisfies Record<
  string,
  {
    words: readonly string[];
    description: MessageKey;
    coordinatorOnly: boolean;
    where: Where;
  } & OtherLanguages
>;

export type CommandName = keyof typeof commands;

/** every spelling of a command, in every language */
export function spellingsOf(name: CommandName): readonly string[] {
  const c = commands[name];
  return [...c.words, ...c.sv];
}

/** the word help shows for a command, in the reader's language */
export function commandWord(name: CommandName, language: Language): string {
  const c = commands[name];
  return language === 'en' ? c.words[0] : c[language][0];
}

/**
 * The form a spelling is looked up in: lower case, and without diacritics, so that someone on a
 * keyboard without å, ä and ö can type "fortsatt" or "hjalp" (no two commands differ only in them).
 */
function folded(text: string): string {
  return text.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
}

const lookup = new Map<string, CommandName>(
  (Object.keys(commands) as CommandName[]).flatMap((name) =>
    spellingsOf(name).map((w) => [folded(w), name] as const),
  ),
);

/**
 * Recognises a command however it was typed: any case, extra spaces, a leading slash, trailing
 * punctuation, with or without Swedish diacritics, or after an @mention of the bot in a team
 * ("<at>Peer Coach</at> help").
 */
export function parseCommand(text: string | undefined): CommandName | undefined {
  const cleaned = folded(
    (text ?? '')
      .replace(/<at>[^<]*<\/at>/gi, ' ')
      .replace(/&nbsp;/gi, ' ')
      .replace(/[\s\u00a0]+/g, ' ')
      .trim()
      .replace(/^\/+/, ''),
  );
  if (cleaned === '?') return 'help';
  return lookup.get(cleaned.replace(/[.!?,;:]+$/, '').trim());
}
