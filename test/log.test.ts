import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import * as path from 'node:path';

/**
 * The lines `createLogger` writes for each of `calls` (bindings and message), read from the standard
 * output of a process of its own: the logger writes to file descriptor 1, as it does in production.
 */
function logged(level: string, calls: readonly [object, string][]): Record<string, unknown>[] {
  const script = `
    const { createLogger } = require(${JSON.stringify(path.resolve(__dirname, '../src/log'))});
    const log = createLogger(${JSON.stringify(level)});
    for (const [bindings, msg] of ${JSON.stringify(calls)}) log.child({ component: 'test' }).info(bindings, msg);
    log.debug('below the level');
  `;
  const out = execFileSync(process.execPath, ['-r', 'tsx/cjs', '-e', script], { encoding: 'utf8' });
  return out
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as Record<string, unknown>);
}

describe('log: structured lines, secrets and card inputs redacted', () => {
  let lines: Record<string, unknown>[];
  before(() => {
    lines = logged('info', [
      [{ key: 'cosmos-key', appPassword: 'p4ss', password: 'pw' }, 'secrets at the top'],
      [
        {
          err: { key: 'k', appPassword: 'p', authorization: 'Bearer t' },
          headers: { authorization: 'Bearer h' },
        },
        'nested',
      ],
      [
        { value: { answer: 'what a supervisor wrote' }, text: 'typed words', card: { text: 'card words' } },
        'inputs',
      ],
      [{ id: 'job-1', kind: 'prompt.send', endpoint: 'https://x.documents.azure.com' }, 'kept'],
    ]);
  });

  it('writes one JSON line per call, tagged with the app and the component, at or above its level', () => {
    assert.deepEqual(
      lines.map((l) => l.msg),
      ['secrets at the top', 'nested', 'inputs', 'kept'],
    );
    assert.ok(lines.every((l) => l.app === 'peer-coach' && l.component === 'test' && l.level === 30));
  });

  it('redacts keys and passwords, at the top and one level down, and authorization headers', () => {
    const [top, nested] = lines;
    assert.deepEqual([top!.key, top!.appPassword, top!.password], ['[redacted]', '[redacted]', '[redacted]']);
    assert.deepEqual(nested!.err, {
      key: '[redacted]',
      appPassword: '[redacted]',
      authorization: '[redacted]',
    });
    assert.deepEqual(nested!.headers, { authorization: '[redacted]' });
  });

  it('redacts what a card or a message carried: values and texts', () => {
    const inputs = lines[2]!;
    assert.deepEqual(
      [inputs.value, inputs.text, inputs.card],
      ['[redacted]', '[redacted]', { text: '[redacted]' }],
    );
    assert.doesNotMatch(JSON.stringify(lines), /supervisor wrote|typed words|card words|p4ss|Bearer/);
  });

  it('keeps the ids, kinds and addresses an operator needs', () => {
    assert.deepEqual(
      { id: lines[3]!.id, kind: lines[3]!.kind, endpoint: lines[3]!.endpoint },
      { id: 'job-1', kind: 'prompt.send', endpoint: 'https://x.documents.azure.com' },
    );
  });
});
