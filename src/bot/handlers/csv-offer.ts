import { fileConsentCard } from '../inbound/file-delivery';
import { Reply, textReply } from '../turn';

/** a CSV made for a coordinator: what the file is, and what makes it again on accept */
export interface CsvOffer {
  readonly name: string;
  readonly bytes: Buffer;
  /** one line on what the file is (and is not), for the consent card */
  readonly description: string;
  /** the line before the CSV where it is shown in the chat */
  readonly inlineIntro: string;
  /** handed back by Teams on accept and decline: only what is needed to make the file again */
  readonly context: Readonly<Record<string, string>>;
}

/**
 * Offers a CSV the one way the chat can take it: Teams' file consent, or — where there is none (the
 * local Playground) — the same CSV in a code block in the chat, without its byte order mark.
 */
export function offerCsv(file: CsvOffer, fileConsent: boolean): Reply {
  if (!fileConsent)
    return textReply(
      `${file.inlineIntro}\n\n\`\`\`\n${file.bytes.toString('utf8').replace(/^\uFEFF/, '')}\n\`\`\``,
    );
  return {
    attachment: fileConsentCard({
      name: file.name,
      bytes: file.bytes.length,
      description: file.description,
      context: file.context,
    }),
  };
}
