import { Activity } from 'botbuilder';
import { Person } from '../domain/people';
import { PeopleService } from '../domain/people-service';
import { SendOutcome } from '../domain/ports';
import { Messenger } from './messenger';

/**
 * Sends to a person's 1:1 chat. When Teams says they cannot be reached (blocked, uninstalled, the
 * conversation gone), the stored conversation is forgotten here, once for every kind of message, so
 * they are listed as unreachable from then on.
 */
export class PersonalSender {
  constructor(
    private readonly messenger: Messenger,
    private readonly people: PeopleService,
  ) {}

  async send(to: Person, activity: Partial<Activity>): Promise<SendOutcome> {
    if (!to.reach) return { status: 'unreachable', reason: 'not installed' };
    const outcome = await this.messenger.send(to.reach, activity);
    if (outcome.status === 'unreachable') await this.people.uninstalled(to.id);
    return outcome;
  }
}
