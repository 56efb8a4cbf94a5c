import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import { commands, parseCommand } from '../../src/bot/commands';

describe('parseCommand', () => {
  it('recognises every command whatever the case and spacing', () => {
    assert.equal(parseCommand('HELP'), 'help');
    assert.equal(parseCommand('  Profile  '), 'profile');
    assert.equal(parseCommand('new    PROGRAMME'), 'newProgramme');
    assert.equal(parseCommand('new\u00a0programme'), 'newProgramme');
    assert.equal(parseCommand('Pause.'), 'pause');
    assert.equal(parseCommand('/resume'), 'resume');
    assert.equal(parseCommand('?'), 'help');
  });

  it('accepts the spellings people use', () => {
    assert.equal(parseCommand('new program'), 'newProgramme');
    assert.equal(parseCommand('programs'), 'programmes');
    assert.equal(parseCommand('hi'), 'help');
  });

  it('ignores an @mention of the bot in a team', () => {
    assert.equal(parseCommand('<at>Peer Coach</at> help'), 'help');
    assert.equal(parseCommand('<at>Peer Coach</at>&nbsp;help'), 'help');
  });

  it('does not guess at anything else', () => {
    for (const text of ['', undefined, 'helpme', 'please pause everything', 'delete', 'new']) {
      assert.equal(parseCommand(text), undefined, String(text));
    }
  });

  it('offers in the Teams manifest only commands it understands, by their first word (Teams shows at most 12)', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, '../../appPackage/manifest.json'), 'utf8'),
    ) as {
      bots: { commandLists: { scopes: string[]; commands: { title: string }[] }[] }[];
    };
    const personal = manifest.bots[0]!.commandLists.find((l) => l.scopes.includes('personal'))!;
    const titles = personal.commands.map((c) => c.title);
    const ours = Object.values(commands).map((c) => c.words[0] as string);
    assert.ok(titles.length <= 12);
    for (const title of titles) assert.ok(ours.includes(title), `${title} is not a command`);
    // left out of the menu are reached from elsewhere: resume from pause's reply, delete from `my data`, a new programme from the list
    assert.deepEqual(
      ours.filter((c) => !titles.includes(c)),
      ['resume', 'delete my data', 'new programme'],
    );
  });
});
