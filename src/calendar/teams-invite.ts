import { Observation } from '../domain/cycle/observation';

/** the Teams deep link that opens a new meeting, pre-filled (Teams' meeting scheduling dialog) */
const newMeeting = 'https://teams.microsoft.com/l/meeting/new';

/**
 * "Send as a Teams meeting invite": a new Teams meeting with the pair as attendees, at the
 * observation's time, titled like the calendar entry, so that the invite lands in every member's
 * Outlook calendar. Only where every member's sign-in name is known (it comes from the Teams roster);
 * the invite is then the host's own meeting, which Peer Coach cannot move or cancel.
 */
export function teamsInviteUrl(
  o: Pick<Observation, 'startsAt' | 'endsAt' | 'memberIds'>,
  signInNames: Readonly<Record<string, string | undefined>>,
  subject: string,
): string | undefined {
  const attendees = o.memberIds.map((id) => signInNames[id]);
  if (attendees.some((a) => !a)) return undefined;
  const query = new URLSearchParams({
    subject,
    startTime: o.startsAt,
    endTime: o.endsAt,
    attendees: attendees.join(','),
  });
  return `${newMeeting}?${query.toString()}`;
}
