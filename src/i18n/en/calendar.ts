/**
 * English — "Add to calendar": the button, and the titles of the entries in a person's calendar.
 * A calendar is read by assistants and delegates too: the titles name the peers and nothing else.
 */
export const calendar = {
  calendar: {
    add: 'Add to calendar',
    observation: 'Peer observation with {peers}',
    talk: 'Talk it over with {peers}',
    invite: 'Send as a Teams meeting invite',
    inviteNote: 'The invite is your own Teams meeting: if the observation moves, move the invite by hand.',
  },
} as const;
