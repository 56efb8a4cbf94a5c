import assert from 'node:assert/strict';
import sinon from 'sinon';
import { TeamsInfo, TurnContext } from 'botbuilder';
import { Messenger } from '../../../src/bot/outbound/messenger';
import { TeamDirectory } from '../../../src/bot/outbound/team-directory';
import { silentLogger } from '../../../src/log';
import { personalReach } from '../../support/domain-fixtures';

const reach = personalReach({ conversationId: '19:team@thread.tacv2' });

describe('TeamDirectory', () => {
  const sandbox = sinon.createSandbox();
  let within: sinon.SinonStub;
  beforeEach(() => {
    within = sandbox
      .stub()
      .callsFake((_r, _type, logic: (c: TurnContext) => Promise<unknown>) => logic({} as TurnContext));
  });
  afterEach(() => sandbox.restore());

  const directory = () => new TeamDirectory({ within } as unknown as Messenger, silentLogger);

  it('reads every page of a team’s roster in the team’s channel, ids in lower case', async () => {
    const pages = sandbox.stub(TeamsInfo, 'getPagedMembers');
    pages.onFirstCall().resolves({
      members: [{ aadObjectId: 'AAAA-1', name: 'Avery Lind', tenantId: 't' }],
      continuationToken: 'next',
    } as never);
    pages.onSecondCall().resolves({ members: [{ aadObjectId: 'bbbb-2' }], continuationToken: '' } as never);
    const members = await directory().teamMembers(reach);
    assert.deepEqual(members, [
      { personId: 'aaaa-1', displayName: 'Avery Lind', tenantId: 't' },
      { personId: 'bbbb-2', displayName: '', tenantId: undefined },
    ]);
    assert.equal(within.firstCall.args[1], 'channel');
    assert.equal(pages.secondCall.args[2], 'next');
  });

  it('leaves out members without an Entra identity (bots, guests Teams does not name)', async () => {
    sandbox
      .stub(TeamsInfo, 'getPagedMembers')
      .resolves({ members: [{ id: '28:bot', name: 'Bot' }] } as never);
    assert.deepEqual(await directory().teamMembers(reach), []);
  });

  it('reports a roster it cannot read as unreachable', async () => {
    sandbox.stub(TeamsInfo, 'getPagedMembers').rejects(Object.assign(new Error('gone'), { statusCode: 403 }));
    assert.equal(await directory().teamMembers(reach), 'unreachable');
  });
});
