import assert from 'node:assert/strict';
import { supervisor } from '../../support/domain-fixtures';
import { eachEvaluationRig, EvaluationRig, sentTo } from './evaluation-fixture';

const blake = supervisor(2, 'Blake Berg');
const dana = supervisor(4, 'Dana Ek');
const eli = supervisor(5, 'Eli Fors');

/** how many end cards (first cards and reminders) went to a supervisor */
const endCards = (rig: EvaluationRig, s: typeof blake) =>
  sentTo(rig.mail.sendEnd).filter((id) => id === s.personId).length;

describe('EndService: who gets the end questionnaire', () => {
  const rig = eachEvaluationRig();
  beforeEach(async () => {
    await rig.install(blake);
    // Dana is enrolled by id: nothing reaches her until she installs the app
    await rig.enrol(blake, dana);
    await rig.at('2026-09-02T08:00:00Z');
  });

  it('sends it to someone enrolled before it opened who installs while it is open, with the reminder, in their time zone', async () => {
    await rig.at('2027-01-29T06:30:00Z'); // 07:30 on the last day in Stockholm
    assert.equal(endCards(rig, blake), 1, 'Blake, reached when it opened, gets it as before');
    assert.equal(endCards(rig, dana), 0, 'Dana cannot be reached yet');

    rig.clock.set('2027-01-29T09:00:00Z'); // 04:00 in New York
    await rig.install(dana, 'America/New_York');
    await rig.at('2027-01-29T09:00:00Z');
    assert.equal(endCards(rig, dana), 0, 'not in her quiet hours');
    await rig.at('2027-01-29T12:05:00Z'); // 07:05 in New York
    assert.equal(endCards(rig, dana), 1, 'in her morning');
    assert.equal(rig.mail.sendEnd.lastCall.args[2], false);

    await rig.at('2027-02-05T06:30:00Z'); // halfway: 07:30 in Stockholm, 01:30 in New York
    assert.equal(endCards(rig, blake), 2, 'Blake’s reminder');
    assert.equal(endCards(rig, dana), 1);
    await rig.at('2027-02-05T12:05:00Z');
    assert.equal(endCards(rig, dana), 2, 'her reminder, in her morning');
    assert.equal(rig.mail.sendEnd.lastCall.args[2], true);
    assert.deepEqual(sentTo(rig.mail.sendBaseline), [blake.personId], 'no baseline once the end has opened');
  });

  it('does not send it twice to someone who installs again', async () => {
    await rig.at('2027-01-29T09:00:00Z');
    await rig.install(dana);
    await rig.at('2027-01-29T09:05:00Z');
    await rig.uninstall(dana);
    await rig.install(dana);
    await rig.at('2027-02-05T06:30:00Z');
    await rig.uninstall(dana);
    await rig.install(dana);
    await rig.at('2027-02-11T09:00:00Z');
    assert.equal(endCards(rig, dana), 2, 'the card and one reminder');
  });

  it('sends the card without a reminder straight after to someone who installs after halfway', async () => {
    await rig.at('2027-02-08T09:00:00Z'); // a Monday, 10:00 in Stockholm
    await rig.install(dana);
    await rig.at('2027-02-08T09:00:00Z');
    assert.equal(endCards(rig, dana), 1);
    await rig.at('2027-02-11T22:00:00Z');
    assert.equal(endCards(rig, dana), 1);
  });

  it('sends nothing to someone who installs once it has closed', async () => {
    await rig.at('2027-02-12T09:00:00Z');
    await rig.install(dana);
    await rig.at('2027-03-01T09:00:00Z');
    assert.equal(endCards(rig, dana), 0);
  });

  it('sends nothing to someone enrolled after it opened, installed then or later', async () => {
    await rig.at('2027-01-29T09:00:00Z');
    await rig.enrol(eli);
    await rig.at('2027-01-29T10:00:00Z');
    await rig.install(eli);
    await rig.at('2027-02-05T06:30:00Z');
    await rig.at('2027-02-11T22:00:00Z');
    assert.equal(endCards(rig, eli), 0);
    assert.ok(!sentTo(rig.mail.sendBaseline).includes(eli.personId), 'nor a baseline');
    assert.equal(endCards(rig, blake), 2, 'Blake as before');
  });
});
