import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { AuthConfig } from '../config/config';
import { wordsFor } from '../i18n';
import { Logger } from '../log';

/**
 * botbuilder's CloudAdapter. With an app id every request must carry a valid Bot Framework token
 * (401 otherwise); anonymous only in the explicitly chosen local mode, where there is no app id.
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
        };
  const adapter = new CloudAdapter(new ConfigurationBotFrameworkAuthentication(settings));
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
