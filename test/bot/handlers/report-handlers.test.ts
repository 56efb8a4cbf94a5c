import assert from 'node:assert/strict';
import sinon from 'sinon';
import { exportReport, openAudit, programmeExport, report } from '../../../src/bot/handlers/report-handlers';
import { verbs } from '../../../src/bot/verbs';
import { actorOf, botServices } from '../../support/bot-actors';
import { sampleFigures } from '../../support/card-samples';
import { facts, reportProgramme } from '../../support/report-fixtures';
import { textOf, verbsOf } from '../../support/test-bot';

const actor = actorOf({ coordinator: true });
const words = actor.words;
const programme = reportProgramme();

describe('report-handlers', () => {
  const sandbox = sinon.createSandbox();
  let parts: {
    reports: { figures: sinon.SinonStub };
    audit: { record: sinon.SinonStub; latest: sinon.SinonStub };
    programmes: { list: sinon.SinonStub; get: sinon.SinonStub };
  };
  beforeEach(() => {
    parts = {
      reports: { figures: sandbox.stub().resolves({ facts: facts(), figures: sampleFigures(2) }) },
      audit: { record: sandbox.stub().resolves(), latest: sandbox.stub().resolves([]) },
      programmes: {
        list: sandbox.stub().resolves([programme, { ...programme, id: 'p-2', name: 'Spring' }]),
        get: sandbox.stub().resolves({ programme, etag: '1' }),
      },
    };
  });
  afterEach(() => sandbox.restore());

  it('lets a coordinator with several programmes choose which report to open', async () => {
    const reply = await report(actor, botServices(parts));
    assert.ok('card' in reply && verbsOf(reply.card).includes(verbs.openReport));
    assert.equal(parts.reports.figures.called, false);
  });

  it('makes the export from the released figures, named after the programme', async () => {
    const file = await programmeExport(botServices(parts), programme.id, words);
    assert.equal(file?.programmeName, programme.name);
    assert.ok(file?.name.includes(programme.name));
    assert.ok(file?.bytes.toString('utf8').includes('Supervisor 0'));
  });

  it('asks for consent to upload the CSV, and records no export until it is accepted', async () => {
    const result = await exportReport(actor, { programmeId: programme.id }, botServices(parts));
    assert.ok(result.reply && 'attachment' in result.reply);
    assert.equal(result.reply.attachment.contentType, 'application/vnd.microsoft.teams.card.file.consent');
    assert.equal(parts.audit.record.called, false);
  });

  it('shows the CSV in the chat where files cannot be received, and records the export', async () => {
    const result = await exportReport(
      actor,
      { programmeId: programme.id },
      botServices({ ...parts, fileConsent: false }),
    );
    assert.ok(result.reply && 'text' in result.reply && result.reply.text.includes('Supervisor 0'));
    assert.ok(!result.reply.text.includes('\uFEFF'));
    assert.equal(parts.audit.record.firstCall.args[2], 'export');
  });

  it('says a programme that is gone was not found, and exports nothing', async () => {
    parts.reports.figures.resolves(undefined);
    const result = await exportReport(actor, { programmeId: 'gone' }, botServices(parts));
    assert.ok(textOf(result.update).includes(words.t('common.notFound')));
    assert.equal(parts.audit.record.called, false);
  });

  it('lists the audit with counts by name, keeping a count no catalogue names as it is', async () => {
    parts.audit.latest.resolves([
      {
        type: 'audit',
        id: 'audit:1',
        programmeId: programme.id,
        at: '2026-11-02T09:00:00.000Z',
        by: 'c',
        byName: 'Casey',
        action: 'enrol',
        counts: { enrolled: 4, mystery: 2 },
      },
    ]);
    const result = await openAudit(actor, { programmeId: programme.id }, botServices(parts));
    const text = textOf(result.reply && 'card' in result.reply ? result.reply.card : undefined);
    assert.ok(text.includes(`${words.t('report.auditCounts.enrolled')}: 4, mystery: 2`));
    assert.ok(text.includes('Casey'));
  });
});
