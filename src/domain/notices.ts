/**
 * What the domain wants people told. The bot renders each notice in the recipient's own language
 * and time zone and sends it; the domain never builds a message itself.
 */
export type Notice =
  | {
      readonly kind: 'enrolled';
      readonly to: string;
      readonly programmeId: string;
      readonly programmeName: string;
    }
  | {
      readonly kind: 'paired';
      readonly to: string;
      readonly programmeName: string;
      readonly peerNames: readonly string[];
    }
  | {
      readonly kind: 'invited';
      readonly to: string;
      readonly invitationId: string;
      readonly programmeId: string;
      readonly programmeName: string;
      readonly fromName: string;
    }
  | {
      readonly kind: 'invitationAnswered';
      readonly to: string;
      readonly programmeName: string;
      readonly inviteeName: string;
      readonly outcome: 'accepted' | 'declined' | 'failed';
    };

/** sends notices; implemented by the bot layer (proactive messages) */
export interface NoticeBoard {
  /** resolves to the ids of people who could not be reached */
  post(notices: readonly Notice[]): Promise<{ unreachable: string[] }>;
}
