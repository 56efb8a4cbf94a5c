import { BenchSection } from '../types';
import { answering } from './answering';
import { dispatch } from './dispatch';
import { memory } from './memory';
import { scaleOut } from './scale-out';
import { startup } from './startup';
import { storage } from './storage';

/** in the order they run and print */
export const sections: Readonly<Record<string, BenchSection>> = {
  answering,
  dispatch,
  storage,
  memory,
  scaleout: scaleOut,
  startup,
};
