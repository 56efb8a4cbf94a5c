import {
  Activity,
  CallerIdConstants,
  CloudAdapter,
  ConfigurationBotFrameworkAuthentication,
  StatusCodes,
} from 'botbuilder';
import {
  AuthenticateRequestResult,
  AuthenticationConstants,
  AuthenticationError,
} from 'botframework-connector';
import { AuthConfig } from '../config/config';
import { wordsFor } from '../i18n';
import { Logger } from '../log';

/**
 * botbuilder's CloudAdapter. With an app id every request must carry a valid Bot Framework token
 * (401 otherwise); anonymous only in the explicitly chosen local mode, where there is no app id.
 * Tokens are checked against the public cloud's published keys unless the configuration names
 * another OpenID configuration (a sovereign cloud, or a test's own token service).
 */
export function createAdapter(auth: AuthConfig, defaultLocale: string, log: Logger): CloudAdapter {
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
  const adapter = new CloudAdapter(new TokenCheckedAuthentication(settings));
  adapter.onTurnError = async (context, error) => {
    // never log the activity: it may hold what someone wrote
    const e = error as { name?: string; code?: unknown; statusCode?: unknown };
    log.error(
      { err: { name: e.name, code: e.code, statusCode: e.statusCode }, type: context.activity.type },
      'unhandled turn error',
    );
    try {
      await context.sendActivity(
        wordsFor(context.activity.locale ?? defaultLocale, 'UTC').t('common.failed'),
      );
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

/** what jsonwebtoken throws for a token it will not accept (bad signature, algorithm, dates) */
const rejectedTokenErrors = new Set(['JsonWebTokenError', 'NotBeforeError', 'TokenExpiredError']);

/**
 * botbuilder's authentication, with one correction: a token whose signature does not verify under
 * a published key id surfaces from jsonwebtoken as a plain error, which CloudAdapter answers with
 * 500 as if the bot had failed. It is the caller's token that failed, so it becomes the 401 every
 * other rejected token gets. Other errors (the key service unreachable) stay 500: still refused.
 */
class TokenCheckedAuthentication extends ConfigurationBotFrameworkAuthentication {
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
