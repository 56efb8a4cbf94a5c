import { IANAZone } from 'luxon';
import { Clock } from './clock';
import { plainText } from './plain-text';
import { enrolmentId } from './membership';
import { mutate } from './mutate';
import { applySighting, isPersonId, newPerson, normaliseId, Person, Sighting } from './people';
import { Repositories } from './repositories';

export interface ProfileInput {
  readonly timeZone?: string;
  readonly locale?: string;
  readonly department?: string;
}

export type ProfileField = keyof ProfileInput;

const departmentLength = 80;

/** who people are, how to reach them, and what they chose for themselves */
export class PeopleService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly configuredCoordinators: readonly string[],
    private readonly supportedLocales: readonly string[],
  ) {}

  /** refreshes what an incoming activity tells us; one point read, and a write only if something changed */
  async recognise(s: Sighting): Promise<Person> {
    const id = normaliseId(s.personId);
    const result = await mutate(this.repos.people, id, id, (current) =>
      applySighting(current, { ...s, personId: id }, this.clock.now()),
    );
    await this.carryName(result.before, result.doc!);
    return result.doc!;
  }

  /**
   * Enrolments keep a copy of the name for the coordinator's lists; when Teams tells us a new or
   * first name, the copies follow (rare: a write per programme the person is in).
   */
  private async carryName(before: Person | undefined, after: Person): Promise<void> {
    if (!after.displayName || before?.displayName === after.displayName) return;
    await Promise.all(
      after.programmeIds.map((programmeId) =>
        mutate(this.repos.programmes.enrolments, enrolmentId(after.id), programmeId, (e) =>
          e && e.displayName !== after.displayName ? { ...e, displayName: after.displayName } : undefined,
        ),
      ),
    );
  }

  /**
   * The app was installed for this person (or they wrote to the bot 1:1 for the first time since).
   * Welcomed once per installation: of two racing install events only the first write wins the
   * ETag race and gets `welcome: true`.
   */
  async installed(s: Sighting): Promise<{ person: Person; welcome: boolean }> {
    const id = normaliseId(s.personId);
    const now = this.clock.now();
    const result = await mutate(this.repos.people, id, id, (current) => {
      const seen = applySighting(current, { ...s, personId: id }, now) ?? current!;
      if (seen.welcomedAt) return seen === current ? undefined : seen;
      return { ...seen, welcomedAt: now.toISOString(), updatedAt: now.toISOString() };
    });
    await this.carryName(result.before, result.doc!);
    const welcome = result.changed && !result.before?.welcomedAt;
    return { person: result.doc!, welcome };
  }

  /** the app was removed: forget how to reach them (their programme places stay) */
  async uninstalled(personId: string): Promise<void> {
    const id = normaliseId(personId);
    await mutate(this.repos.people, id, id, (current) => {
      if (!current || (!current.reach && !current.welcomedAt)) return undefined;
      const { reach: _reach, welcomedAt: _welcomed, ...rest } = current;
      return { ...rest, updatedAt: this.clock.now().toISOString() };
    });
  }

  isCoordinator(p: Person): boolean {
    return p.coordinator || this.configuredCoordinators.includes(p.id);
  }

  async get(personId: string): Promise<Person | undefined> {
    const id = normaliseId(personId);
    return (await this.repos.people.read(id, id))?.doc;
  }

  /** checks and saves a profile card; an empty field means "follow Teams" */
  async updateProfile(
    personId: string,
    input: ProfileInput,
  ): Promise<{ ok: true; person: Person } | { ok: false; errors: Partial<Record<ProfileField, string>> }> {
    const errors: Partial<Record<ProfileField, string>> = {};
    const timeZone = input.timeZone?.trim() || undefined;
    const locale = input.locale?.trim() || undefined;
    const department = plainText(input.department ?? '') || undefined;
    if (timeZone && !IANAZone.isValidZone(timeZone)) errors.timeZone = 'profile.error.timeZone';
    if (locale && !this.supportedLocales.includes(locale)) errors.locale = 'profile.error.locale';
    if (department && department.length > departmentLength) errors.department = 'profile.error.department';
    if (Object.keys(errors).length > 0) return { ok: false, errors };
    const id = normaliseId(personId);
    const result = await mutate(this.repos.people, id, id, (current) => {
      if (!current) return undefined;
      const { department: _old, ...rest } = current;
      return {
        ...rest,
        ...(department ? { department } : {}),
        preferences: { timeZone, locale },
        updatedAt: this.clock.now().toISOString(),
      };
    });
    return { ok: true, person: result.doc! };
  }

  async setPaused(personId: string, paused: boolean): Promise<{ person: Person; changed: boolean }> {
    const id = normaliseId(personId);
    const result = await mutate(this.repos.people, id, id, (current) =>
      current && current.paused !== paused
        ? { ...current, paused, updatedAt: this.clock.now().toISOString() }
        : undefined,
    );
    return { person: result.doc!, changed: result.changed };
  }

  /** people the bot can reach, by name: the choices offered where Teams' people picker is not */
  reachable(limit: number): Promise<Person[]> {
    return this.repos.people.reachable(limit);
  }

  /** everyone who is a coordinator: stored ones and those named in configuration */
  async coordinators(): Promise<{ personId: string; displayName: string; configured: boolean }[]> {
    const stored = await this.repos.people.coordinators();
    const byId = new Map(stored.map((p) => [p.id, p.displayName]));
    const configured = await Promise.all(this.configuredCoordinators.map((id) => this.get(id)));
    for (const [i, id] of this.configuredCoordinators.entries()) {
      if (!byId.has(id)) byId.set(id, configured[i]?.displayName ?? '');
    }
    return [...byId.entries()]
      .map(([personId, displayName]) => ({
        personId,
        displayName,
        configured: this.configuredCoordinators.includes(personId),
      }))
      .sort((a, b) => a.displayName.localeCompare(b.displayName));
  }

  /** only a coordinator may add one; a person the bot has not met yet gets a document to hold the role */
  async addCoordinator(
    by: Person,
    personId: string,
    displayName: string,
  ): Promise<'added' | 'already' | 'forbidden' | 'invalid'> {
    if (!this.isCoordinator(by)) return 'forbidden';
    const id = normaliseId(personId);
    if (!isPersonId(id)) return 'invalid';
    if (this.configuredCoordinators.includes(id)) return 'already';
    const result = await mutate(this.repos.people, id, id, (current) => {
      if (current?.coordinator) return undefined;
      const base = current ?? newPerson(id, displayName, this.clock.now());
      return { ...base, coordinator: true, updatedAt: this.clock.now().toISOString() };
    });
    return result.changed ? 'added' : 'already';
  }
}
