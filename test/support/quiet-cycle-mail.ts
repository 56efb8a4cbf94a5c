import { CycleMail } from '../../src/domain/cycle/ports';

/** the cycle's mail with every send succeeding and nothing kept: for tests that do not look at what is sent */
export const quietMail: CycleMail = {
  sendPrompt: async () => ({ status: 'sent' }),
  updatePrompt: async () => ({ status: 'sent' }),
  sendSummary: async () => ({ status: 'sent' }),
  notify: async () => ({ status: 'sent' }),
  replacePosted: async () => ({ status: 'sent' }),
  erasureDone: async () => ({ status: 'sent' }),
};
