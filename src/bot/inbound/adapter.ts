import {
  Activity,
  ActivityTypes,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  INVOKE_RESPONSE_KEY,
  InvokeResponse,
  Request,
  Response,
  StatusCodes,
  TurnContext,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
  ClaimsIdentity,
  UserTokenClient,
} from 'botframework-connector';
import { AuthConfig } from '../../config/config';
import { wordsFor } from '../../i18n';
import { Logger } from '../../log';
import { Telemetry } from '../../telemetry/telemetry';
import { Admission, TenantGate } from './tenant-gate';
import { measuredTurn, RefusalCode, turnRecordOf, withTurnRecord } from './turn-telemetry';

/**
 * botbuilder's CloudAdapter. With an app id every request must carry a valid Bot Framework token
 * (401 otherwise); anonymous only in the explicitly chosen local mode, where there is no app id.
 * Tokens are checked against the public cloud's published keys unless the configuration names
 * another OpenID configuration (a sovereign cloud, or a test's own token service). Every authenticated
 * turn is measured (see turn-telemetry.ts).
 */
export function createAdapter(
  auth: AuthConfig,
  defaultLocale: string,
  log: Logger,
  gate: TenantGate,
  telemetry: Telemetry,
): CloudAdapter {
  const settings =
    auth.mode === 'anonymous'
      ? {}
      : {
          MicrosoftAppId: auth.appId,
          MicrosoftAppPassword: auth.appPassword,
          MicrosoftAppType: auth.appType,
          MicrosoftAppTenantId: auth.tenantId,
          ...(auth.openIdMetadataUrl ? publicCloudWith(auth.openIdMetadataUrl) : {}),
        };
  const adapter = new EnvelopeCheckedAdapter(new TokenCheckedAuthentication(settings), gate, telemetry, log);
  adapter.onTurnError = async (context, error) => {
    turnRecordOf(context)?.fail(error);
    // never log the activity: it may hold what someone wrote
    const e = error as { name?: string; code?: unknown; statusCode?: unknown };
    log.error(
      { err: { name: e.name, code: e.code, statusCode: e.statusCode }, type: context.activity.type },
      'unhandled turn error',
    );
    const { locale, type, name } = context.activity;
    const failed = wordsFor(typeof locale === 'string' ? locale : defaultLocale, 'UTC').t('common.failed');
    // an invoke left without a response would be answered 501 Not Implemented: it was implemented, and failed
    const card = type === ActivityTypes.Invoke && name === 'adaptiveCard/action';
    if (type === ActivityTypes.Invoke && !context.turnState.get(INVOKE_RESPONSE_KEY)) {
      context.turnState.set(INVOKE_RESPONSE_KEY, {
        type: ActivityTypes.InvokeResponse,
        value: {
          status: StatusCodes.OK,
          body: card
            ? {
                statusCode: StatusCodes.OK,
                type: 'application/vnd.microsoft.activity.message',
                value: failed,
              }
            : undefined,
        },
      });
    }
    if (card) return; // the line shows under the card
    try {
      await context.sendActivity(failed);
    } catch {
      // the conversation may be gone; the error is already logged
    }
  };
  return adapter;
}

/**
 * botbuilder treats one custom endpoint as a wish to configure all of them and leaves the rest
 * empty (no token issuer: every request refused; no login URL: replies fail). So when only the
 * metadata URL changes, every other endpoint is spelled out as the public cloud's own default.
 */
function publicCloudWith(openIdMetadataUrl: string): Record<string, string> {
  return {
    ToBotFromChannelOpenIdMetadataUrl: openIdMetadataUrl,
    ToBotFromChannelTokenIssuer: AuthenticationConstants.ToBotFromChannelTokenIssuer,
    ToBotFromEmulatorOpenIdMetadataUrl: AuthenticationConstants.ToBotFromEmulatorOpenIdMetadataUrl,
    ToChannelFromBotLoginUrl: AuthenticationConstants.ToChannelFromBotLoginUrl,
    ToChannelFromBotOAuthScope: AuthenticationConstants.ToChannelFromBotOAuthScope,
    OAuthUrl: AuthenticationConstants.OAuthUrl,
    CallerId: CallerIdConstants.PublicAzureChannel,
  };
}

const isObject = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** fields a reply copies from the activity it answers (or puts in its URL): the connector client insists on strings */
const stringFields = [
  ['id'],
  ['channelId'],
  ['replyToId'],
  ['text'],
  ['locale'],
  ['from', 'id'],
  ['from', 'name'],
  ['from', 'aadObjectId'],
  ['recipient', 'id'],
  ['recipient', 'name'],
  ['conversation', 'id'],
  ['conversation', 'name'],
  ['conversation', 'conversationType'],
  ['conversation', 'tenantId'],
] as const;

/**
 * What botbuilder (and the handler after it) reads from an activity without checking; undefined
 * when the activity can be handed to a turn. An activity of another shape is the caller's mistake.
 */
export function envelopeProblem(a: Record<string, unknown>): string | undefined {
  for (const key of ['from', 'recipient', 'conversation', 'channelData'])
    if (a[key] !== undefined && !isObject(a[key])) return `${key} is not an object`;
  // Teams' handlers of edited and deleted messages read its event type without looking
  if (
    a.channelId === 'msteams' &&
    ['messageUpdate', 'messageDelete'].includes(a.type as string) &&
    !a.channelData
  )
    return 'a message update or delete without channelData';
  for (const path of stringFields) {
    const v = path.reduce<unknown>((node, k) => (isObject(node) ? node[k] : undefined), a);
    if (v !== undefined && !wellFormedString(v)) return `${path.join('.')} is not a well-formed string`;
  }
  if (isObject(a.conversation) && ![undefined, true, false].includes(a.conversation.isGroup as boolean))
    return 'conversation.isGroup is not a boolean';
  if (a.serviceUrl !== undefined && !isHttpUrl(a.serviceUrl)) return 'serviceUrl is not an http(s) URL';
  // whoever sent it is answered in its conversation, as its recipient, at its serviceUrl
  if (
    a.from !== undefined &&
    (!isObject(a.conversation) || !a.conversation.id || !a.recipient || !a.serviceUrl)
  )
    return 'the activity has a sender but no conversation, recipient or serviceUrl';
  // whether the bot itself joined or left is told by comparing each member with the recipient
  if ((a.membersAdded !== undefined || a.membersRemoved !== undefined) && !isObject(a.recipient))
    return 'members joined or left, but the activity has no recipient';
  // the conversation id travels in a header of every reply
  const conversationId = isObject(a.conversation) ? a.conversation.id : undefined;
  if (typeof conversationId === 'string' && !/^[\x20-\x7e]+$/.test(conversationId))
    return 'the conversation id is not printable ASCII';
  for (const key of ['membersAdded', 'membersRemoved', 'entities', 'attachments']) {
    const list = a[key];
    if (list !== undefined && !(Array.isArray(list) && list.every(isObject)))
      return `${key} is not a list of objects`;
  }
  if (a.type === 'invoke') {
    // every invoke Teams sends carries an object; the two the bot handles cannot do without one
    if (a.value !== undefined && !isObject(a.value)) return 'the invoke value is not an object';
    if ((a.name === 'adaptiveCard/action' || a.name === 'fileConsent/invoke') && !isObject(a.value))
      return 'the invoke has no value';
    if (a.name === 'adaptiveCard/action' && !isObject(a.value!.action))
      return 'the card action has no action';
  }
  return undefined;
}

/** a string, and valid Unicode: ids go into URLs, and a lone surrogate cannot be encoded */
function wellFormedString(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    encodeURIComponent(v);
    return true;
  } catch {
    return false;
  }
}

function isHttpUrl(v: unknown): boolean {
  if (typeof v !== 'string') return false;
  try {
    return ['http:', 'https:'].includes(new URL(v).protocol);
  } catch {
    return false;
  }
}

/** the refusal code of each reason the tenant gate gives */
const gateRefusals: Record<Exclude<Admission, { admitted: true }>['reason'], RefusalCode> = {
  channel: 'channel',
  'no-tenant': 'noTenant',
  tenant: 'tenant',
};

/**
 * CloudAdapter answers 500 — as if the bot had failed — for a body without an activity type (it
 * throws outside its own error handling) or with a serviceUrl that is not a string, and trips over
 * a few more shapes once a turn has started. Such a body is refused with 400 instead: one without a
 * type before authentication, as botbuilder refuses a body that is not an object; any other only
 * once the request is authenticated, so an unauthenticated caller still gets its 401.
 */
class EnvelopeCheckedAdapter extends CloudAdapter {
  constructor(
    auth: ConfigurationBotFrameworkAuthentication,
    private readonly gate: TenantGate,
    private readonly telemetry: Telemetry,
    private readonly log: Logger,
  ) {
    super(auth);
  }

  override async process(
    req: Request,
    resOrSocket: unknown,
    logicOrHead: unknown,
    maybeLogic?: unknown,
  ): Promise<void> {
    const body: unknown = req.body;
    if (maybeLogic === undefined && isObject(body) && (typeof body.type !== 'string' || body.type === '')) {
      const res = resOrSocket as Response;
      res.status(StatusCodes.BAD_REQUEST);
      res.send({ error: { code: 'BadRequest', message: 'the activity has no type' } });
      res.end();
      return;
    }
    const process = super.process as (...args: unknown[]) => Promise<void>;
    return process.call(this, req, resOrSocket, logicOrHead, maybeLogic);
  }

  protected override async processActivity(
    auth: string | AuthenticateRequestResult,
    activity: Activity,
    logic: (context: TurnContext) => Promise<void>,
  ): Promise<InvokeResponse | undefined> {
    const authenticated =
      typeof auth === 'string'
        ? await this.botFrameworkAuthentication.authenticateRequest(activity, auth)
        : auth;
    // from here on it is a turn: measured, whether refused, served or failed
    return measuredTurn(this.telemetry, this.log, activity, async (turn) => {
      const problem = envelopeProblem(activity as unknown as Record<string, unknown>);
      if (problem) {
        turn.refuse('badRequest');
        return { status: StatusCodes.BAD_REQUEST, body: { error: { code: 'BadRequest', message: problem } } };
      }
      const admission = this.gate.admit(activity as unknown as Record<string, unknown>);
      if (!admission.admitted) {
        turn.refuse(gateRefusals[admission.reason]);
        return {
          status: 403,
          body: { error: { code: 'Forbidden', message: 'only Microsoft Teams, from an allowed tenant' } },
        };
      }
      return super.processActivity(authenticated, activity, (context) => {
        withTurnRecord(context, turn);
        return logic(context);
      });
    });
  }
}

/** what jsonwebtoken throws for a token it will not accept (bad signature, algorithm, dates) */
const rejectedTokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder's authentication, with one correction: a token whose signature does not verify under
 * a published key id surfaces from jsonwebtoken as a plain error, which CloudAdapter answers with
 * 500 as if the bot had failed. It is the caller's token that failed, so it becomes the 401 every
 * other rejected token gets. Other errors (the key service unreachable) stay 500: still refused.
 * And one saving: the user token client every turn is handed is made once per app id.
 */
class TokenCheckedAuthentication extends ConfigurationBotFrameworkAuthentication {
  /**
   * botbuilder makes a user token client (an HTTP pipeline, ~0.1 ms) for every turn, inbound and
   * proactive. The bot signs nobody in, so it is never used; one per app id serves every turn.
   */
  private readonly userTokenClients = new Map<string, UserTokenClient>();

  override async createUserTokenClient(identity: ClaimsIdentity): Promise<UserTokenClient> {
    const appId =
      identity.getClaimValue(AuthenticationConstants.AudienceClaim) ??
      identity.getClaimValue(AuthenticationConstants.AppIdClaim) ??
      '';
    let client = this.userTokenClients.get(appId);
    if (!client) {
      client = await super.createUserTokenClient(identity);
      // the audience of an authenticated request is this bot's own app id: the map stays small
      if (this.userTokenClients.size < 8) this.userTokenClients.set(appId, client);
    }
    return client;
  }

  override async authenticateRequest(
    activity: Activity,
    authHeader: string,
  ): Promise<AuthenticateRequestResult> {
    try {
      return await super.authenticateRequest(activity, authHeader);
    } catch (err) {
      if (err instanceof AuthenticationError || !rejectedTokenErrors.has((err as Error)?.name)) throw err;
      throw new AuthenticationError('Unauthorized. The token is not valid.', StatusCodes.UNAUTHORIZED);
    }
  }
}
