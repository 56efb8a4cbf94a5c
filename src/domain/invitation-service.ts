import { Clock } from './clock';
import { enrolmentId, Invitation, invitationId } from './membership';
import { mutate } from './mutate';
import { NoticeBoard } from './notices';
import { PairService } from './pair-service';
import { Person } from './people';
import { Repositories } from './repositories';

/** a colleague someone may invite: enrolled in the same programme and not yet paired */
export interface InviteOption {
  readonly programmeId: string;
  readonly programmeName: string;
  readonly personId: string;
  readonly displayName: string;
}

export type InviteOutcome =
  | { readonly status: 'sent' | 'unreachable'; readonly invitation: Invitation }
  | { readonly status: 'already'; readonly invitation: Invitation }
  | {
      readonly status: 'refused';
      readonly reason:
        | 'invite.error.notEnrolled'
        | 'invite.error.youArePaired'
        | 'invite.error.theyArePaired'
        | 'invite.error.self'
        | 'invite.error.colleagueNotEnrolled';
    };

export type AnswerOutcome =
  | {
      readonly status: 'accepted' | 'declined' | 'failed';
      readonly invitation: Invitation;
      readonly repeated: boolean;
    }
  | { readonly status: 'forbidden' | 'missing' };

/** self-service pairing: a supervisor invites a colleague, who accepts or declines */
export class InvitationService {
  constructor(
    private readonly repos: Repositories,
    private readonly clock: Clock,
    private readonly notices: NoticeBoard,
    private readonly pairs: PairService,
  ) {}

  /** colleagues this person could invite, in every programme where they are still unpaired */
  async options(person: Person): Promise<InviteOption[]> {
    const out: InviteOption[] = [];
    for (const programmeId of person.programmeIds) {
      const [mine, programme] = await Promise.all([
        this.repos.programmes.enrolments.read(enrolmentId(person.id), programmeId),
        this.repos.programmes.programmes.read(programmeId, programmeId),
      ]);
      if (!mine || mine.doc.pairId || !programme) continue;
      const colleagues = await this.repos.programmes.enrolmentsOf(programmeId);
      for (const c of colleagues) {
        if (c.personId === person.id || c.pairId) continue;
        out.push({
          programmeId,
          programmeName: programme.doc.name,
          personId: c.personId,
          displayName: c.displayName,
        });
      }
    }
    return out;
  }

  async invite(from: Person, programmeId: string, toId: string): Promise<InviteOutcome> {
    const to = toId.trim().toLowerCase();
    if (to === from.id) return { status: 'refused', reason: 'invite.error.self' };
    const [mine, theirs, programme] = await Promise.all([
      this.repos.programmes.enrolments.read(enrolmentId(from.id), programmeId),
      this.repos.programmes.enrolments.read(enrolmentId(to), programmeId),
      this.repos.programmes.programmes.read(programmeId, programmeId),
    ]);
    if (!mine || !programme) return { status: 'refused', reason: 'invite.error.notEnrolled' };
    if (!theirs) return { status: 'refused', reason: 'invite.error.colleagueNotEnrolled' };
    if (mine.doc.pairId) return { status: 'refused', reason: 'invite.error.youArePaired' };
    if (theirs.doc.pairId) return { status: 'refused', reason: 'invite.error.theyArePaired' };

    const id = invitationId(from.id, to);
    const now = this.clock.now().toISOString();
    const result = await mutate<Invitation>(this.repos.programmes.invitations, id, programmeId, (current) =>
      current?.status === 'pending'
        ? undefined
        : {
            type: 'invitation',
            id,
            programmeId,
            fromId: from.id,
            fromName: mine.doc.displayName || from.displayName,
            toId: to,
            toName: theirs.doc.displayName,
            status: 'pending',
            createdAt: now,
          },
    );
    const invitation = result.doc!;
    if (!result.changed) return { status: 'already', invitation };
    const { unreachable } = await this.notices.post([
      {
        kind: 'invited',
        to,
        invitationId: id,
        programmeId,
        programmeName: programme.doc.name,
        fromName: invitation.fromName,
      },
    ]);
    return { status: unreachable.length > 0 ? 'unreachable' : 'sent', invitation };
  }

  /**
   * The invitee answers. Only the invitee may, checked against who sent the activity (not anything
   * the card carries). The status moves from pending under an ETag guard, so a double click or a
   * resent activity is recognised and changes nothing.
   */
  async answer(by: Person, programmeId: string, id: string, accept: boolean): Promise<AnswerOutcome> {
    const found = await this.repos.programmes.invitations.read(id, programmeId);
    if (!found) return { status: 'missing' };
    if (found.doc.toId !== by.id) return { status: 'forbidden' };
    const now = this.clock.now().toISOString();
    const moved = await mutate<Invitation>(this.repos.programmes.invitations, id, programmeId, (inv) =>
      inv && inv.status === 'pending'
        ? { ...inv, status: accept ? 'accepted' : 'declined', answeredAt: now }
        : undefined,
    );
    const invitation = moved.doc!;
    if (!moved.changed) {
      return {
        status: invitation.status === 'pending' ? 'failed' : invitation.status,
        invitation,
        repeated: true,
      };
    }
    const programme = (await this.repos.programmes.programmes.read(programmeId, programmeId))?.doc;
    let status: 'accepted' | 'declined' | 'failed' =
      invitation.status === 'accepted' ? 'accepted' : 'declined';
    let final = invitation;
    if (status === 'accepted' && programme) {
      const members = await Promise.all(
        [invitation.fromId, invitation.toId].map((p) =>
          this.repos.programmes.enrolments.read(enrolmentId(p), programmeId),
        ),
      );
      const formed =
        members.every((m) => m) &&
        (await this.pairs.form(
          programme,
          members.map((m) => m!.doc),
          'invitation',
        ));
      if (!formed || formed.status !== 'formed') {
        status = 'failed';
        final = (
          await mutate<Invitation>(
            this.repos.programmes.invitations,
            id,
            programmeId,
            (inv) => inv && { ...inv, status: 'failed' },
          )
        ).doc!;
      }
    }
    await this.notices.post([
      {
        kind: 'invitationAnswered',
        to: invitation.fromId,
        programmeName: programme?.name ?? '',
        inviteeName: invitation.toName,
        outcome: status,
      },
    ]);
    return { status, invitation: final, repeated: false };
  }
}
