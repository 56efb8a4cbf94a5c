import assert from 'node:assert/strict';
import { ConfigErrorName, configErrors, configIssue, ConfigurationError } from '../../src/config/errors';

describe('configuration errors', () => {
  it('gives every problem its own stable PC-CFG code', () => {
    const codes = Object.values(configErrors).map((e) => e.code);
    for (const code of codes) assert.match(code, /^PC-CFG-\d{3}$/);
    assert.equal(new Set(codes).size, codes.length, 'two problems share a code');
  });

  it('keeps the codes operators already search for', () => {
    assert.equal(configErrors.NoAuthenticationChosen.code, 'PC-CFG-001');
    assert.equal(configErrors.AnonymousWithAppId.code, 'PC-CFG-002');
    assert.equal(configErrors.MissingAppPassword.code, 'PC-CFG-003');
    assert.equal(configErrors.MissingAppTenantId.code, 'PC-CFG-005');
  });

  it('says in every description what to do, ending as a sentence', () => {
    for (const [name, entry] of Object.entries(configErrors)) {
      assert.ok(entry.description.length > 20, `${name} has no real description`);
      assert.match(entry.description, /\.$/, `${name} does not end as a sentence`);
    }
  });

  it('builds an issue from the catalogue entry and the variable at fault', () => {
    const issue = configIssue('InvalidPort', 'PORT');
    assert.deepEqual(issue, {
      name: 'InvalidPort',
      code: 'PC-CFG-006',
      variable: 'PORT',
      message: configErrors.InvalidPort.description,
    });
  });

  it('lists each issue on its own line under one heading, and keeps them for the caller', () => {
    const names: ConfigErrorName[] = ['NoAuthenticationChosen', 'InvalidTimeZone'];
    const issues = [configIssue(names[0]!, 'MicrosoftAppId'), configIssue(names[1]!, 'DEFAULT_TIME_ZONE')];
    const err = new ConfigurationError(issues);
    assert.ok(err instanceof Error);
    assert.equal(err.name, 'ConfigurationError');
    assert.deepEqual(err.issues, issues);
    assert.deepEqual(err.message.split('\n'), [
      'Peer Coach cannot start; fix the configuration:',
      `  PC-CFG-001 MicrosoftAppId: ${configErrors.NoAuthenticationChosen.description}`,
      `  PC-CFG-011 DEFAULT_TIME_ZONE: ${configErrors.InvalidTimeZone.description}`,
    ]);
  });
});
