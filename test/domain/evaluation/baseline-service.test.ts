import assert from 'node:assert/strict';
import { supervisor } from '../../support/domain-fixtures';
import { eachEvaluationRig, sentTo } from './evaluation-fixture';

const blake = supervisor(2, 'Blake Berg');
const chris = supervisor(3, 'Chris Dahl');
const gus = supervisor(9, 'Gus Holm');

describe('BaselineService: no baseline once the end questionnaire has opened', () => {
  const rig = eachEvaluationRig();

  it('sends it to someone enrolled before, at their allowed moment, and drops one quiet hours put past the opening', async () => {
    rig.clock.set('2027-01-28T09:30:00Z'); // half an hour before it opens: 10:30 in Stockholm, 04:30 in New York
    await rig.install(blake);
    await rig.install(gus, 'America/New_York');
    await rig.enrol(blake, gus);
    await rig.at('2027-01-28T09:30:00Z');
    assert.deepEqual(sentTo(rig.mail.sendBaseline), [blake.personId]);
    await rig.at('2027-01-28T12:05:00Z'); // 07:05 in New York, after the end questionnaire opened
    assert.deepEqual(sentTo(rig.mail.sendBaseline), [blake.personId], 'Gus’s baseline is dropped');
    await rig.at('2027-01-29T12:05:00Z');
    assert.deepEqual(sentTo(rig.mail.sendEnd), [blake.personId, gus.personId], 'both get the end card');
  });

  it('sends none to someone enrolled after it opened, nor when they install the app', async () => {
    rig.clock.set('2027-01-28T11:00:00Z'); // 12:00 in Stockholm, an hour after it opened
    await rig.install(blake);
    await rig.enrol(blake, chris);
    await rig.at('2027-01-28T11:00:00Z');
    await rig.install(chris);
    await rig.at('2027-01-29T12:00:00Z');
    assert.deepEqual(sentTo(rig.mail.sendBaseline), []);
  });
});
