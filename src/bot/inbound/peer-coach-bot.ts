import {
  Activity,
  AdaptiveCardInvokeResponse,
  AdaptiveCardInvokeValue,
  CardFactory,
  FileConsentCardResponse,
  TeamsActivityHandler,
  TeamsInfo,
  TurnContext,
} from 'botbuilder';
import { renderWelcomeCard } from '../../cards/welcome-card';
import { Person } from '../../domain/people';
import { Logger } from '../../log';
import { wordsFor } from '../../i18n';
import { isPersonal, reachOf, sightingOf, teamOf } from './activity-reader';
import { parseCommand } from './commands';
import { invokeRefusal, isVerb, runAction, runCommand } from './router';
import { BotServices, wordsOf } from '../services';
import { admitTurn, isAutomatic, isAutomaticRefresh } from './turn-admission';
import { turnRecordOf } from './turn-telemetry';
import { consentContext, fileInfoCard, uploadAccepted } from './file-delivery';
import { programmeExport } from '../handlers/report-handlers';
import { resultsExport, resultsFile } from '../handlers/evaluation-results-handlers';
import { ActionResult, Actor, CardData, Reply } from '../turn';

const actorKey = Symbol('peer-coach.actor');

function cardMessage(card: object): Partial<Activity> {
  return { type: 'message', attachments: [CardFactory.adaptiveCard(card)] };
}

/** the messages a reply is made of, in order: sent in a turn, or later to the person's chat */
function replyActivities(reply: Reply): Partial<Activity>[] {
  if ('card' in reply) return [cardMessage(reply.card)];
  if ('cards' in reply) return reply.cards.map(cardMessage);
  if ('attachment' in reply) return [{ type: 'message', attachments: [reply.attachment] }];
  return [{ type: 'message', text: reply.text }];
}

/** the work's result, or 'late' once `ms` have passed without it */
function within<T>(work: Promise<T>, ms: number): Promise<T | 'late'> {
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<'late'>((resolve) => {
    timer = setTimeout(() => resolve('late'), ms);
  });
  return Promise.race([work, late]).finally(() => clearTimeout(timer));
}

function cardData(value: unknown): CardData {
  if (!value || typeof value !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(value as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
    else if (typeof v === 'number' || typeof v === 'boolean') out[k] = String(v);
  }
  return out;
}

/**
 * The Teams transport: turns activities into calls on the domain and the domain's answers into
 * messages and cards. Who is acting is always taken from the authenticated activity's sender,
 * never from anything a card carries.
 */
export class PeerCoachBot extends TeamsActivityHandler {
  constructor(
    private readonly services: BotServices,
    private readonly log: Logger,
  ) {
    super();

    // every activity refreshes what we know of its sender (serviceUrl, locale, time zone)
    this.onTurn(async (context, next) => {
      if (!(await admitTurn(context, this.services))) return;
      const sighting = sightingOf(context.activity);
      if (sighting) context.turnState.set(actorKey, await this.services.people.recognise(sighting));
      await next();
    });

    this.onMessage(async (context, next) => {
      await this.handleMessage(context);
      await next();
    });

    this.onInstallationUpdateAdd(async (context, next) => {
      await this.installed(context);
      await next();
    });
    this.onInstallationUpdateRemove(async (context, next) => {
      await this.removed(context);
      await next();
    });
    this.onMembersAdded(async (context, next) => {
      if (context.activity.membersAdded?.some((m) => m.id === context.activity.recipient.id)) {
        await this.installed(context);
      }
      await next();
    });
    this.onMembersRemoved(async (context, next) => {
      if (context.activity.membersRemoved?.some((m) => m.id === context.activity.recipient.id)) {
        await this.removed(context);
      }
      await next();
    });
  }

  private actor(context: TurnContext): Actor | undefined {
    const person = context.turnState.get(actorKey) as Person | undefined;
    if (!person) return undefined;
    return {
      person,
      coordinator: this.services.people.isCoordinator(person),
      words: wordsOf(person, this.services),
      chat: isPersonal(context.activity) ? 'personal' : 'shared',
    };
  }

  private async installed(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    const reach = reachOf(context.activity);
    if (team && reach) {
      const { welcome } = await this.services.teams.installed({ id: team.id, name: team.name, reach });
      if (welcome) {
        const words = wordsFor(
          context.activity.locale ?? this.services.defaultLocale,
          this.services.defaultTimeZone,
        );
        await this.sendCard(context, renderWelcomeCard({ name: '', team: true, coordinator: false }, words));
      }
      return;
    }
    const sighting = sightingOf(context.activity);
    if (!sighting || !isPersonal(context.activity)) return;
    // install events carry no name (Teams and the Playground alike): ask the roster until we know it,
    // and the sign-in name with it
    const known = context.turnState.get(actorKey) as Person | undefined;
    const member =
      (sighting.displayName || known?.displayName) && known?.userPrincipalName
        ? undefined
        : await this.fromRoster(context);
    const displayName = sighting.displayName || known?.displayName || member?.name;
    const { person, welcome } = await this.services.people.installed({
      ...sighting,
      displayName,
      userPrincipalName: member?.userPrincipalName,
    });
    context.turnState.set(actorKey, person);
    // enrolled before they could be reached: the questionnaires they could not get then
    if (welcome && person.programmeIds.length > 0) await this.services.evaluation.invited(person);
    if (!welcome) return;
    const actor = this.actor(context)!;
    await this.sendCard(
      context,
      renderWelcomeCard(
        { name: person.displayName, team: false, coordinator: actor.coordinator },
        actor.words,
      ),
    );
  }

  /** the sender's name and sign-in name from the conversation roster; undefined if it cannot be read */
  private async fromRoster(
    context: TurnContext,
  ): Promise<{ name?: string; userPrincipalName?: string } | undefined> {
    try {
      const member = await TeamsInfo.getMember(context, context.activity.from.id);
      return { name: member.name || undefined, userPrincipalName: member.userPrincipalName || undefined };
    } catch (err) {
      const e = err as { name?: string; statusCode?: unknown };
      this.log.warn(
        { err: { name: e.name, statusCode: e.statusCode } },
        'could not read a name from the roster',
      );
      return undefined;
    }
  }

  private async removed(context: TurnContext): Promise<void> {
    const team = teamOf(context.activity);
    if (team) {
      await this.services.teams.removed(team.id);
      return;
    }
    const id = context.activity.from?.aadObjectId;
    if (id && isPersonal(context.activity)) await this.services.people.uninstalled(id);
  }

  private async handleMessage(context: TurnContext): Promise<void> {
    const actor = this.actor(context);
    if (!actor) return;
    const value = context.activity.value as Record<string, unknown> | undefined;
    if (value && typeof value.verb === 'string') {
      // Action.Submit from a client without Universal Actions: same handlers, card updated in place
      const result = await this.act(
        context,
        { ...actor, cardId: context.activity.replyToId },
        value.verb,
        cardData(value),
      );
      if (result.refusal) {
        // the card clicked in a shared chat stays as it is, for everyone there
        await context.sendActivity(result.refusal);
        return;
      }
      if (result.update && context.activity.replyToId) {
        try {
          await context.updateActivity({
            type: 'message',
            id: context.activity.replyToId,
            attachments: [CardFactory.adaptiveCard(result.update)],
          });
        } catch {
          await this.sendCard(context, result.update);
        }
      } else if (result.update) {
        await this.sendCard(context, result.update);
      }
      if (result.reply) await this.sendReply(context, result.reply);
      return;
    }
    if (!isPersonal(context.activity) && !/<at>/i.test(context.activity.text ?? '')) return;
    const name = parseCommand(context.activity.text);
    if (!name) {
      await context.sendActivity(actor.words.t('common.unknownCommand'));
      return;
    }
    // in a channel or group chat the router refuses all but help: everyone there would see the answer
    await this.sendReply(
      context,
      await this.guarded(context, actor, () => runCommand(name, actor, this.services)),
    );
  }

  /**
   * Action.Execute: the updated card goes back in the invoke response and replaces the clicked one.
   * A card's `refresh` (Teams asking by itself when the card is shown) may only read, and never
   * posts to the chat. Teams stops waiting after about 15 s: an action still running at the
   * deadline is answered "still working" and its result is sent to the chat when it is ready.
   */
  protected override async onAdaptiveCardInvoke(
    context: TurnContext,
    invokeValue: AdaptiveCardInvokeValue,
  ): Promise<AdaptiveCardInvokeResponse> {
    const actor = this.actor(context);
    const automatic = isAutomatic(context.activity);
    if (!actor || (automatic && !isAutomaticRefresh(context.activity))) {
      turnRecordOf(context)?.refuse('forbidden');
      return {
        statusCode: 403,
        type: 'application/vnd.microsoft.error',
        value: { code: 'Forbidden', message: '' },
      };
    }
    const data = cardData(invokeValue.action.data);
    const work = this.act(
      context,
      { ...actor, cardId: context.activity.replyToId },
      invokeValue.action.verb || data.verb || '',
      data,
    );
    const result = await within(work, this.services.invokeDeadlineMs);
    if (result === 'late') {
      if (!automatic)
        void work
          .then((late) => this.deliverLate(actor, late))
          .catch((err: { name?: string }) => this.log.warn({ err: { name: err.name } }, 'late result lost'));
      return this.messageResponse(actor.words.t('common.stillWorking'));
    }
    // clicked where it may not run: the line shows under the card, nothing is posted to the chat
    if (result.refusal) return this.messageResponse(result.refusal);
    if (result.reply && !automatic) await this.sendReply(context, result.reply);
    if (result.update) {
      return { statusCode: 200, type: 'application/vnd.microsoft.card.adaptive', value: result.update };
    }
    // the clicked card stays as it is; this line shows under it
    return this.messageResponse(actor.words.t(automatic ? 'common.stale' : 'common.seeBelow'));
  }

  private messageResponse(text: string): AdaptiveCardInvokeResponse {
    return { statusCode: 200, type: 'application/vnd.microsoft.activity.message', value: text as never };
  }

  /** a card action's result after its invoke was answered: the new card and any reply, to the chat */
  private async deliverLate(actor: Actor, result: ActionResult): Promise<void> {
    const late: [Partial<Activity>, Reply | undefined, number][] = [
      ...(result.update ? replyActivities({ card: result.update }) : []).map(
        (a) => [a, undefined, 0] as [Partial<Activity>, Reply | undefined, number],
      ),
      ...(result.reply ? replyActivities(result.reply) : []).map(
        (a, i) => [a, result.reply, i] as [Partial<Activity>, Reply | undefined, number],
      ),
    ];
    for (const [activity, reply, i] of late) {
      const outcome = await this.services.sender.send(actor.person, activity);
      if (outcome.status !== 'sent') {
        this.log.warn({ status: outcome.status }, 'could not deliver a late card action result');
        return;
      }
      if (reply)
        await this.recordPosted(
          actor.person,
          actor.person.reach?.conversationId,
          outcome.activityId,
          reply,
          i,
        );
    }
  }

  /** a card action; an unknown verb, or one clicked where it may not run, is the turn's refusal */
  private async act(context: TurnContext, actor: Actor, verb: string, data: CardData): Promise<ActionResult> {
    const turn = turnRecordOf(context);
    if (!isVerb(verb)) turn?.refuse('unknownVerb');
    const result = await this.guarded(
      context,
      actor,
      () => runAction(verb, actor, data, this.services),
      (text) => ({ reply: { text } }),
    );
    if (result.refusal) turn?.refuse('personalOnly');
    return result;
  }

  /** a failure is logged without content and answered kindly; nothing half-done is shown */
  private async guarded<T>(
    context: TurnContext,
    actor: Actor,
    work: () => Promise<T>,
    onError?: (text: string) => T,
  ): Promise<T> {
    try {
      return await work();
    } catch (err) {
      turnRecordOf(context)?.fail(err);
      const e = err as { name?: string; code?: unknown; statusCode?: unknown };
      this.log.error({ err: { name: e.name, code: e.code, statusCode: e.statusCode } }, 'turn failed');
      const text = actor.words.t('common.failed');
      if (onError) return onError(text);
      return { text } as T;
    }
  }

  private async sendReply(context: TurnContext, reply: Reply): Promise<void> {
    const activities = replyActivities(reply);
    for (const [i, activity] of activities.entries()) {
      const sent = await context.sendActivity(activity);
      await this.recordPosted(
        context.turnState.get(actorKey),
        context.activity.conversation?.id,
        sent?.id,
        reply,
        i,
      );
    }
  }

  /**
   * A reply that shows someone's words is recorded with where it landed, so that `delete my data`
   * can replace it later. The message is out already: a record that cannot be written is logged, not
   * turned into a failure the person would see.
   */
  private async recordPosted(
    person: Person | undefined,
    conversationId: string | undefined,
    activityId: string | undefined,
    reply: Reply,
    index: number,
  ): Promise<void> {
    const shows = reply.shows;
    if (!shows || !person || !conversationId || !activityId) return;
    const source = shows.source.kind === 'myData' ? { ...shows.source, part: index } : shows.source;
    try {
      await this.services.cycles.posted.record(person, conversationId, activityId, { ...shows, source });
    } catch (err) {
      const e = err as { name?: string; code?: unknown };
      this.log.warn({ err: { name: e.name, code: e.code } }, 'could not record a posted message');
    }
  }

  /** the coordinator accepted the CSV: make it now, upload it, show it — and record the export */
  protected override async handleTeamsFileConsentAccept(
    context: TurnContext,
    response: FileConsentCardResponse,
  ): Promise<void> {
    const actor = this.actor(context);
    if (!actor) return;
    const refusal = invokeRefusal('fileConsentAccept', actor);
    if (refusal) {
      turnRecordOf(context)?.refuse('personalOnly');
      await context.sendActivity(refusal);
      return;
    }
    if (!actor.coordinator) {
      turnRecordOf(context)?.refuse('forbidden');
      await context.sendActivity(actor.words.t('common.notCoordinator'));
      return;
    }
    const { programmeId = '', file: kind } = consentContext(response);
    // the evaluation's file or the report's: either is made again now, from what is released
    const file =
      kind === resultsFile
        ? await resultsExport(this.services, programmeId, actor.words)
        : await programmeExport(this.services, programmeId, actor.words);
    if (!file || !response.uploadInfo) {
      await context.sendActivity(actor.words.t('common.notFound'));
      return;
    }
    const outcome = await uploadAccepted(
      response.uploadInfo,
      file.bytes,
      undefined,
      undefined,
      this.services.uploadHosts,
    );
    if (outcome.status !== 'uploaded') {
      // the host of a refused URL at most: its path and query are a credential to someone's OneDrive
      this.log.warn({ reason: outcome.reason, host: outcome.host }, 'export upload failed');
      await context.sendActivity(actor.words.t('report.exportFailed'));
      return;
    }
    await this.services.audit.record(actor.person, programmeId, 'export', { bytes: file.bytes.length });
    await context.sendActivity({ type: 'message', attachments: [fileInfoCard(response.uploadInfo)] });
  }

  protected override async handleTeamsFileConsentDecline(context: TurnContext): Promise<void> {
    const actor = this.actor(context);
    if (!actor) return;
    const refusal = invokeRefusal('fileConsentDecline', actor);
    if (refusal) turnRecordOf(context)?.refuse('personalOnly');
    await context.sendActivity(refusal ?? actor.words.t('report.exportDeclined'));
  }

  private async sendCard(context: TurnContext, card: object): Promise<void> {
    await context.sendActivity(cardMessage(card));
  }
}
