import type { Catalogue } from '../catalogue';
import { calendar } from './calendar';
import { conversation } from './conversation';
import { coordinator } from './coordinator';
import { cycle } from './cycle';
import { evaluation } from './evaluation';
import { evaluationResults } from './evaluation-results';
import { myData } from './my-data';
import { programmes } from './programmes';

/**
 * Swedish, as a Swedish medical school would write it. The words chosen, used throughout:
 * supervisor = handledare, learner = student, peer = kollega (in a pair: "ingår i ett par"),
 * coordinator = samordnare, observation = observation, feedback = återkoppling,
 * reflection = reflektion, prompt = frågekort, action point = åtagande, nudge = knuff,
 * enrol = registrera, setting = miljö, host = "den som handleder". Commands in **bold** are the
 * Swedish spellings in src/bot/inbound/commands.ts.
 */
export const sv = {
  ...conversation,
  ...programmes,
  ...cycle,
  ...calendar,
  ...coordinator,
  myData,
  evaluation,
  evaluationResults,
} as const satisfies Catalogue;
