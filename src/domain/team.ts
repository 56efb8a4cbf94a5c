import { ConversationReach } from './ports';

/** a Teams team the bot has been added to; its roster can be enrolled in one go */
export interface Team {
  readonly type: 'team';
  /** the Teams team id */
  readonly id: string;
  readonly name: string;
  readonly reach: ConversationReach;
  readonly installedAt: string;
}
