import assert from 'node:assert/strict';
import { followTeamsValue, ProfileCardData, renderProfileCard } from '../../src/cards/profile-card';
import { Words } from '../../src/i18n';
import { english, inputIdsOf, inputOf, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const profile = (data: Partial<ProfileCardData> = {}, words: Words = english) =>
  renderProfileCard(
    { editable: true, input: {}, fromTeams: { timeZone: 'Europe/Oslo' }, errors: {}, message: '', ...data },
    words,
  );

describe('cards/profile-card', () => {
  it('asks for a time zone, a language and a department, beside the time zone Teams reports', () => {
    const card = profile({ input: { timeZone: 'Europe/Stockholm', department: 'Surgery' } });
    assert.deepEqual(inputIdsOf(card), ['timeZone', 'locale', 'department']);
    assert.equal(inputOf(card, 'timeZone')?.value, 'Europe/Stockholm');
    assert.equal(inputOf(card, 'department')?.value, 'Surgery');
    assert.match(textOf(card), /Teams says: Europe\/Oslo/);
    assert.deepEqual(verbsOf(card), ['profile.save']);
  });

  it('offers "follow Teams" first among the languages, chosen when nothing overrides it', () => {
    const locale = inputOf(profile(), 'locale')!;
    assert.deepEqual(locale.choices, [
      { title: 'Follow Teams', value: followTeamsValue },
      { title: 'English', value: 'en' },
      { title: 'Svenska', value: 'sv' },
    ]);
    assert.equal(locale.value, followTeamsValue);
    assert.equal(inputOf(profile({ input: { locale: 'sv' } }), 'locale')?.value, 'sv');
  });

  it('shows the problem under the field it is about', () => {
    const text = textOf(profile({ errors: { timeZone: 'profile.error.timeZone' } }));
    assert.match(text, /Teams says: Europe\/Oslo\nThat is not a time zone I know/);
    assert.doesNotMatch(textOf(profile()), /That is not a time zone I know/);
  });

  it('once saved, shows what was saved and cannot be saved again', () => {
    const card = profile({ editable: false, input: { department: 'Surgery' }, message: 'Saved.' });
    assert.deepEqual(inputIdsOf(card), []);
    assert.deepEqual(verbsOf(card), []);
    const text = textOf(card);
    assert.match(text, /Saved\./);
    assert.match(
      text,
      /Time zone\nFollow Teams \(Europe\/Stockholm\)\nLanguage\nFollow Teams \(English\)\nDepartment \(optional\)\nSurgery/,
    );
  });

  it('shows the profile in Swedish', () => {
    const saved = textOf(
      profile({ editable: false, input: { timeZone: 'Europe/Oslo', locale: 'sv' } }, swedish),
    );
    assert.match(saved, /Din profil/);
    assert.match(saved, /Tidszon\nEurope\/Oslo\nSpråk\nSvenska\nAvdelning \(frivilligt\)\n—/);
    assert.match(textOf(profile({}, swedish)), /Enligt Teams: Europe\/Oslo/);
  });
});
