import {
  Attachment,
  FileConsentCard,
  FileConsentCardResponse,
  FileInfoCard,
  FileUploadInfo,
} from 'botbuilder';

/**
 * Sending a file in a personal chat through Teams' file-consent flow:
 *
 * 1. the bot sends a file consent card (`fileConsentCard`): name, size, what the file is, and a
 *    small context that Teams hands back;
 * 2. the user accepts or declines; Teams sends a `fileConsent/invoke` whose value carries that
 *    context and, on accept, an upload URL in the user's OneDrive;
 * 3. on accept the bot PUTs the bytes there (`uploadAccepted`) and sends a file info card
 *    (`fileInfoCard`) that opens the file.
 *
 * The bytes are never kept between 1 and 3: the context carries only what is needed to make the
 * file again (for the CSV export, `{ programmeId }`), and the bot regenerates it on accept. So no
 * export sits in the store, a log or the card, and a coordinator who accepts a day later gets the
 * figures as they are then. The size on the consent card is therefore an estimate, which is all
 * Teams uses it for.
 *
 * The flow needs `"supportsFiles": true` in the bot's manifest entry and works in personal chats
 * only. These attachments are Teams file cards, not Adaptive Cards, so they have no template in
 * /cards: their whole shape is botbuilder's typed `FileConsentCard` and `FileInfoCard`.
 */

/** the attachment type of a file consent card */
export const fileConsentContentType = 'application/vnd.microsoft.teams.card.file.consent';
/** the attachment type of a card that shows a file already in the user's OneDrive */
export const fileInfoContentType = 'application/vnd.microsoft.teams.card.file.info';

export interface ConsentFile {
  /** the file name the user sees and OneDrive stores, e.g. "Peer Coach - Spring - 2026-03-04.csv" */
  readonly name: string;
  /** the file's size now; shown as an estimate */
  readonly bytes: number;
  /** one line on what the file is (and is not) */
  readonly description: string;
  /** handed back on accept and on decline; only what is needed to make the file again */
  readonly context: Readonly<Record<string, string>>;
}

/** the attachment that asks the user to accept a file into their OneDrive */
export function fileConsentCard(file: ConsentFile): Attachment {
  const content: FileConsentCard = {
    description: file.description,
    sizeInBytes: file.bytes,
    acceptContext: { ...file.context },
    declineContext: { ...file.context },
  };
  return { contentType: fileConsentContentType, name: file.name, content };
}

/**
 * The context a consent card carried, as strings only. It comes back from Teams as we sent it, but
 * it names a thing, not a right: the caller still checks that the acting user may have it.
 */
export function consentContext(response: FileConsentCardResponse | undefined): Record<string, string> {
  const context: unknown = response?.context;
  if (!context || typeof context !== 'object') return {};
  const out: Record<string, string> = {};
  for (const [k, v] of Object.entries(context as Record<string, unknown>)) {
    if (typeof v === 'string') out[k] = v;
  }
  return out;
}

export type UploadOutcome =
  | { readonly status: 'uploaded' }
  /** `host`: the host of an upload URL that was refused, never its path or query */
  | { readonly status: 'failed'; readonly reason: string; readonly host?: string };

/**
 * Puts the whole file into the upload URL of an accepted consent, in one request, as Teams
 * documents it: `PUT` with `Content-Length: n` and `Content-Range: bytes 0-(n-1)/n`. OneDrive
 * answers 201 (or 200) when the file is complete. Any other answer, a timeout or a dropped
 * connection is a failure with a reason that carries no URL (the upload URL is a credential).
 * Nothing is retried here: the caller tells the user, who can ask for the export again. The
 * default time limit keeps the whole fileConsent/invoke turn inside what Teams waits for a reply.
 * Only OneDrive's hosts get the file (see `isOneDriveHost`); `extraHosts` (host:port, http or
 * https) is for tests, whose local store stands in for OneDrive, and is never configuration.
 */
export async function uploadAccepted(
  uploadInfo: FileUploadInfo | undefined,
  body: Buffer,
  fetchImpl: typeof fetch = fetch,
  timeoutMs = 10_000,
  extraHosts: readonly string[] = [],
): Promise<UploadOutcome> {
  const target = uploadTarget(uploadInfo, extraHosts);
  if ('reason' in target) return { status: 'failed', ...target };
  const { url } = target;
  if (body.length === 0) return { status: 'failed', reason: 'empty file' };
  const n = body.length;
  let res: Response;
  try {
    res = await fetchImpl(url, {
      method: 'PUT',
      headers: {
        'content-length': String(n),
        'content-range': `bytes 0-${n - 1}/${n}`,
      },
      body: new Uint8Array(body.buffer, body.byteOffset, body.byteLength),
      signal: AbortSignal.timeout(timeoutMs),
    });
  } catch (err) {
    const name = (err as { name?: string }).name;
    return { status: 'failed', reason: name === 'TimeoutError' ? 'timed out' : 'network error' };
  }
  // read the answer to the end so the connection can be reused; its content does not matter
  await res.arrayBuffer().catch(() => undefined);
  if (res.status === 200 || res.status === 201) return { status: 'uploaded' };
  // 202 means the store is waiting for more ranges: the file we sent was not taken as whole
  if (res.status === 202) return { status: 'failed', reason: 'upload incomplete' };
  return { status: 'failed', reason: `HTTP ${res.status}` };
}

/** the attachment that shows the uploaded file; the user opens or downloads it from there */
export function fileInfoCard(uploadInfo: FileUploadInfo): Attachment {
  const content: FileInfoCard = { uniqueId: uploadInfo.uniqueId, fileType: uploadInfo.fileType };
  return {
    contentType: fileInfoContentType,
    contentUrl: uploadInfo.contentUrl,
    name: uploadInfo.name,
    content,
  };
}

/**
 * The one tenant label before `.sharepoint.com`: OneDrive for Business lives at
 * `<tenant>-my.sharepoint.com`, SharePoint at `<tenant>.sharepoint.com`. Tenant names are plain
 * ASCII letters, digits and hyphens, so a punycode label (`xn--`) is not one of them.
 */
const oneDriveHost = /^(?!xn--)[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?\.sharepoint\.com$/;

/**
 * Whether a parsed https URL points at OneDrive for Business in Microsoft's commercial cloud (and
 * GCC, which shares its hosts), where Teams' file-consent flow puts a personal chat's files.
 * Deliberately narrow: no other cloud's hosts (GCC High and DoD, `sharepoint.us`, have no bot
 * file support; the German cloud is closed; `sharepoint.cn` and `sharepoint-df.com` are not ours
 * to reach), no address literal, no other port, no user name, no trailing dot. The URL parser has
 * already lower-cased the host and turned look-alikes (`%2e`, `。`, non-ASCII) into what they are.
 */
export function isOneDriveHost(url: URL): boolean {
  return (
    url.protocol === 'https:' &&
    url.port === '' &&
    url.username === '' &&
    url.password === '' &&
    oneDriveHost.test(url.hostname)
  );
}

/** the upload URL if we will send a file there; otherwise why not, naming at most its host */
function uploadTarget(
  uploadInfo: FileUploadInfo | undefined,
  extraHosts: readonly string[],
): { url: string } | { reason: string; host?: string } {
  const raw = uploadInfo?.uploadUrl;
  if (!raw || typeof raw !== 'string') return { reason: 'no upload URL' };
  let url: URL;
  try {
    url = new URL(raw);
  } catch {
    return { reason: 'no upload URL' };
  }
  if (isOneDriveHost(url)) return { url: url.href };
  const listed =
    (url.protocol === 'http:' || url.protocol === 'https:') &&
    url.username === '' &&
    url.password === '' &&
    extraHosts.includes(url.host);
  if (listed) return { url: url.href };
  return { reason: 'upload host not allowed', host: url.host.slice(0, 100) };
}
