import { MessageKey } from '../i18n';

/** what people can type in the 1:1 chat; the manifest's command list carries the same words */
export const commands = {
  help: { words: ['help', '?', 'hi', 'hello', 'start'], description: 'help.help', coordinatorOnly: false },
  profile: {
    words: ['profile', 'settings', 'my profile'],
    description: 'help.profile',
    coordinatorOnly: false,
  },
  pause: { words: ['pause'], description: 'help.pause', coordinatorOnly: false },
  resume: { words: ['resume', 'unpause'], description: 'help.resume', coordinatorOnly: false },
  invite: { words: ['invite', 'invite a colleague'], description: 'help.invite', coordinatorOnly: false },
  schedule: {
    words: ['schedule', 'new observation', 'plan'],
    description: 'help.schedule',
    coordinatorOnly: false,
  },
  upcoming: {
    words: ['upcoming', 'observations', 'my observations'],
    description: 'help.upcoming',
    coordinatorOnly: false,
  },
  myData: {
    words: ['my data', 'mydata', 'export my data'],
    description: 'help.myData',
    coordinatorOnly: false,
  },
  deleteMyData: {
    words: ['delete my data', 'delete my answers', 'erase my data'],
    description: 'help.deleteMyData',
    coordinatorOnly: false,
  },
  history: { words: ['history', 'summaries'], description: 'help.history', coordinatorOnly: false },
  programmes: {
    words: ['programmes', 'programs', 'programme', 'program'],
    description: 'help.programmes',
    coordinatorOnly: true,
  },
  newProgramme: {
    words: ['new programme', 'new program', 'create programme', 'create program'],
    description: 'help.newProgramme',
    coordinatorOnly: true,
  },
  coordinators: {
    words: ['coordinators', 'coordinator'],
    description: 'help.coordinators',
    coordinatorOnly: true,
  },
  report: {
    words: ['report', 'figures', 'participation'],
    description: 'help.report',
    coordinatorOnly: true,
  },
  nudge: { words: ['nudge', 'nudges'], description: 'help.nudge', coordinatorOnly: true },
} as const satisfies Record<
  string,
  { words: readonly string[]; description: MessageKey; coordinatorOnly: boolean }
>;

export type CommandName = keyof typeof commands;

const lookup = new Map<string, CommandName>(
  (Object.entries(commands) as [CommandName, (typeof commands)[CommandName]][]).flatMap(([name, c]) =>
    c.words.map((w) => [w, name] as const),
  ),
);

/**
 * Recognises a command however it was typed: any case, extra spaces, a leading slash, trailing
 * punctuation, or an @mention of the bot in a team ("<at>Peer Coach</at> help").
 */
export function parseCommand(text: string | undefined): CommandName | undefined {
  const cleaned = (text ?? '')
    .replace(/<at>[^<]*<\/at>/gi, ' ')
    .replace(/&nbsp;/gi, ' ')
    .toLowerCase()
    .replace(/[\s\u00a0]+/g, ' ')
    .trim()
    .replace(/^\/+/, '');
  if (cleaned === '?') return 'help';
  return lookup.get(cleaned.replace(/[.!?,;:]+$/, '').trim());
}
