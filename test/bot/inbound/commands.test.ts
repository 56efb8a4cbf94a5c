import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import * as path from 'node:path';
import {
  commands,
  commandWord,
  CommandName,
  parseCommand,
  spellingsOf,
} from '../../../src/bot/inbound/commands';

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

  it('understands every command in Swedish, whatever language the person reads', () => {
    const swedish: Record<string, CommandName> = {
      hjälp: 'help',
      profil: 'profile',
      paus: 'pause',
      fortsätt: 'resume',
      'bjud in': 'invite',
      boka: 'schedule',
      kommande: 'upcoming',
      'mina data': 'myData',
      'radera mina data': 'deleteMyData',
      historik: 'history',
      program: 'programmes',
      'nytt program': 'newProgramme',
      samordnare: 'coordinators',
      rapport: 'report',
      knuff: 'nudge',
      påminn: 'nudge',
    };
    for (const [text, name] of Object.entries(swedish)) assert.equal(parseCommand(text), name, text);
  });

  it('takes Swedish words in any case and spacing, with punctuation and after an @mention', () => {
    assert.equal(parseCommand('HJÄLP'), 'help');
    assert.equal(parseCommand('  Bjud   In  '), 'invite');
    assert.equal(parseCommand('Fortsätt!'), 'resume');
    assert.equal(parseCommand('/paus'), 'pause');
    assert.equal(parseCommand('Radera\u00a0mina data.'), 'deleteMyData');
    assert.equal(parseCommand('<at>Peer Coach</at> hjälp'), 'help');
  });

  it('takes Swedish words typed without å, ä and ö, or with them decomposed', () => {
    assert.equal(parseCommand('hjalp'), 'help');
    assert.equal(parseCommand('fortsatt'), 'resume');
    assert.equal(parseCommand('paminn'), 'nudge');
    assert.equal(parseCommand('fortsa\u0308tt'), 'resume');
    assert.equal(parseCommand('HJA\u0308LP'), 'help');
  });

  it('gives every command a Swedish word and no spelling to two commands', () => {
    const fold = (w: string) => w.normalize('NFD').replace(/\p{M}/gu, '').toLowerCase();
    const owner = new Map<string, CommandName>();
    for (const name of Object.keys(commands) as CommandName[]) {
      assert.ok(commands[name].sv.length > 0, `${name} has no Swedish word`);
      for (const word of spellingsOf(name)) {
        const other = owner.get(fold(word));
        assert.ok(other === undefined || other === name, `"${word}" means both ${other} and ${name}`);
        owner.set(fold(word), name);
        assert.equal(parseCommand(word), name, word);
      }
    }
  });

  it('shows each command by its word in the reader’s language', () => {
    assert.equal(commandWord('help', 'en'), 'help');
    assert.equal(commandWord('help', 'sv'), 'hjälp');
    assert.equal(commandWord('myData', 'sv'), 'mina data');
    for (const name of Object.keys(commands) as CommandName[]) {
      assert.equal(parseCommand(commandWord(name, 'sv')), name, name);
    }
  });

  it('does not guess at anything else', () => {
    for (const text of [
      '',
      undefined,
      'helpme',
      'please pause everything',
      'delete',
      'new',
      'radera',
      'bjud',
    ]) {
      assert.equal(parseCommand(text), undefined, String(text));
    }
  });

  it('offers in the Teams manifest only commands it understands, by their first word (Teams shows at most 12)', () => {
    const manifest = JSON.parse(
      readFileSync(path.join(__dirname, '../../../appPackage/manifest.json'), 'utf8'),
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
