import { TeamsInfo } from 'botbuilder';
import { normaliseId } from '../../domain/people';
import { ConversationReach, Directory, RosterMember } from '../../domain/ports';
import { Logger } from '../../log';
import { Messenger } from './messenger';

/** reads a team's roster through the Bot Connector's paged members API */
export class TeamDirectory implements Directory {
  constructor(
    private readonly messenger: Messenger,
    private readonly log: Logger,
  ) {}

  async teamMembers(reach: ConversationReach): Promise<RosterMember[] | 'unreachable'> {
    try {
      return await this.messenger.within(reach, 'channel', async (ctx) => {
        const members: RosterMember[] = [];
        let token: string | undefined;
        do {
          const page = await TeamsInfo.getPagedMembers(ctx, 500, token);
          for (const m of page.members) {
            if (m.aadObjectId) {
              members.push({
                personId: normaliseId(m.aadObjectId),
                displayName: m.name ?? '',
                tenantId: m.tenantId,
              });
            }
          }
          token = page.continuationToken || undefined;
        } while (token);
        return members;
      });
    } catch (err) {
      this.log.warn({ status: (err as { statusCode?: number }).statusCode }, 'could not read a team roster');
      return 'unreachable';
    }
  }
}
