import { Clock } from './clock';
import { ConversationReach } from './ports';
import { Repositories } from './repositories';
import { Team } from './team';

/** a team as Teams describes it when the app is added to it */
export interface TeamSighting {
  readonly id: string;
  readonly name: string;
  /** how to reach the team; its conversation is the team's general channel, by the team id */
  readonly reach: ConversationReach;
}

/** the teams the bot has been added to, whose rosters a coordinator can enrol in one go */
export class TeamService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
  ) {}

  /**
   * Records a team the app was added to. `welcome` is true for the first install event only (of two
   * racing ones, the one whose create wins), so the channel is not greeted twice.
   */
  async installed(team: TeamSighting): Promise<{ welcome: boolean }> {
    const created = await this.repos.teams.create({
      type: 'team',
      id: team.id,
      name: team.name,
      reach: { ...team.reach, conversationId: team.id },
      installedAt: this.clock.now().toISOString(),
    });
    return { welcome: created === 'created' };
  }

  /** the app was removed from the team: it is no longer offered for enrolment */
  async removed(teamId: string): Promise<void> {
    await this.repos.teams.remove(teamId, teamId);
  }

  all(): Promise<Team[]> {
    return this.repos.teams.all();
  }
}
