import { calendar } from './calendar';
import { conversation } from './conversation';
import { coordinator } from './coordinator';
import { cycle } from './cycle';
import { evaluation } from './evaluation';
import { evaluationResults } from './evaluation-results';
import { myData } from './my-data';
import { programmes } from './programmes';

/**
 * English. Every user-facing string lives in this folder, one file per area; another language is one
 * more folder of the same files and shape (the type of this object is the contract). `{name}` marks a
 * value filled in at run time.
 */
export const en = {
  ...conversation,
  ...programmes,
  ...cycle,
  ...calendar,
  ...coordinator,
  myData,
  evaluation,
  evaluationResults,
} as const;
