import { BotServices } from '../../src/bot/services';
import { Actor } from '../../src/bot/turn';
import { applySighting, Person } from '../../src/domain/people';
import { wordsFor } from '../../src/i18n';
import { globalTelemetry } from '../../src/telemetry/telemetry';
import { entraId, sighting } from './domain-fixtures';
import { TestClock } from './test-clock';

/** a supervisor with a 1:1 chat with the bot, as the store would hand them to a turn */
export function reachablePerson(n = 1, displayName = 'Avery Lind', overrides: Partial<Person> = {}): Person {
  const at = new TestClock().now();
  const person = applySighting(undefined, sighting({ personId: entraId(n), displayName }), at)!;
  return { ...person, ...overrides };
}

/** who acts in a handler's turn: by default a supervisor in their 1:1 chat, reading English */
export function actorOf(overrides: Partial<Actor> = {}): Actor {
  return {
    person: reachablePerson(),
    coordinator: false,
    words: wordsFor('en-GB', 'Europe/Stockholm'),
    chat: 'personal',
    ...overrides,
  };
}

/** the services a handler is given: only `parts` (sinon fakes, mostly) are there besides the settings */
export function botServices(parts: object = {}): BotServices {
  return {
    clock: new TestClock(),
    peoplePicker: true,
    fileConsent: true,
    defaultTimeZone: 'Europe/Stockholm',
    defaultLocale: 'en',
    invokeDeadlineMs: 10_000,
    // measures into nothing unless a test passes its own
    telemetry: globalTelemetry(),
    ...parts,
  } as unknown as BotServices;
}
