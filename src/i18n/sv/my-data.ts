import type { Translation } from '../catalogue';
import type { myData as english } from '../en/my-data';

/**
 * Swedish — everything a person wrote, shown back to them, and deleted when they ask (in the words chosen in
 * ./index.ts).
 */
export const myData = {
  title: 'Allt du har skrivit',
  part: 'Allt du har skrivit (del {n} av {total})',
  intro: 'Bara du och din kollega ser det här. Din kollega ser dina svar bara i ert pars sammanfattningar.',
  none: 'Du har inte skrivit något ännu.',
  prompt: '{when} – {kind}',
  actionPoints: 'Dina åtaganden',
  deleteButton: 'Radera det jag har skrivit',
  confirmTitle: 'Radera allt du har skrivit?',
  confirm:
    'Dina svar och åtaganden tas bort överallt, även din del av ert pars sammanfattningar. Det din kollega har skrivit förblir hens. Programmet behåller bara anonyma antal. Det går inte att ångra.',
  confirmButton: 'Ja, radera det jag har skrivit',
  deleted:
    'Klart. Borttagna svar: {answers}. Borttagna åtaganden: {points}. Det din kollega har skrivit förblir hens.',
  updating:
    'Nu uppdaterar jag de meddelanden jag har skickat som visade dina ord, i din chatt och din kollegas. Det här kortet berättar hur det gick.',
  updated: 'Uppdaterade meddelanden: {updated}. Meddelanden som inte kunde uppdateras: {gone}.',
  outOfReach:
    'Ett meddelande vars chatt inte längre finns kan inte uppdateras. Kopior som någon själv har gjort och aviseringar som en telefon redan har visat går inte att nå.',
  removedMessage: 'Det här meddelandet visade ord som den som skrev dem har raderat.',
} as const satisfies Translation<typeof english>;
