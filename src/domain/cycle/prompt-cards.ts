import { Pair } from '../membership';
import { mutate } from '../mutate';
import { Person } from '../people';
import { PeopleService } from '../people-service';
import { Programme } from '../programme';
import { Repositories } from '../repositories';
import { CycleReads } from './cycle-reads';
import { Observation } from './observation';
import { CycleMail, DueWork } from './ports';
import { Prompt } from './prompt';

/** a prompt card already in someone's chat, kept saying what its prompt now is */
export class PromptCards {
  constructor(
    private readonly repos: Repositories,
    private readonly people: PeopleService,
    private readonly work: DueWork,
    private readonly mail: CycleMail,
    private readonly reads: CycleReads,
  ) {}

  /**
   * Updates the card in place, if one went out (answered, expired, withdrawn, or the host's focus
   * arrived). `known`: its reader and the host's focus, as the caller has just read them.
   */
  async refresh(
    p: Prompt,
    o: Observation,
    pair: Pair,
    programme: Programme,
    known?: { readonly person: Person | undefined; readonly hostFocus: string | undefined },
  ): Promise<void> {
    const person = known ? known.person : await this.people.get(p.personId);
    if (person?.reach && p.activityId)
      await this.mail.updatePrompt(
        person,
        p,
        await this.reads.view(p, o, pair, programme, known ? { hostFocus: known.hostFocus } : {}),
      );
  }

  /** a prompt that will no longer be needed: its jobs cancelled, and its card closed if it was out */
  async withdraw(p: Prompt, o: Observation, pair: Pair, programme: Programme): Promise<void> {
    const result = await mutate<Prompt>(this.repos.cycles.prompts, p.id, p.pairId, (cur) =>
      cur && (cur.status === 'scheduled' || cur.status === 'sent')
        ? { ...cur, status: 'withdrawn' }
        : undefined,
    );
    await Promise.all([`send:${p.id}`, `remind:${p.id}`, `expire:${p.id}`].map((id) => this.work.cancel(id)));
    if (result.changed && result.before?.status === 'sent')
      await this.refresh(result.doc!, o, pair, programme);
  }
}
