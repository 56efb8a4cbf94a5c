import type { Translation } from '../catalogue';
import type { calendar as english } from '../en/calendar';

/** Swedish — "Lägg till i kalendern": the button, and the titles of the entries in a person's calendar */
export const calendar = {
  calendar: {
    add: 'Lägg till i kalendern',
    observation: 'Kollegial observation med {peers}',
    talk: 'Samtal om observationen med {peers}',
    invite: 'Skicka som Teams-mötesinbjudan',
    inviteNote: 'Inbjudan är ditt eget Teams-möte: flyttas observationen får du flytta inbjudan själv.',
  },
} as const satisfies Translation<typeof english>;
