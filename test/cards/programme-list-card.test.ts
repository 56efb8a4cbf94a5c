import assert from 'node:assert/strict';
import { renderProgrammeListCard } from '../../src/cards/programme-list-card';
import { buttonsOf, english, sampleProgramme, swedish } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

const autumn = sampleProgramme();
const spring = sampleProgramme({
  id: 'p-2',
  name: 'Spring term',
  startDate: '2027-01-15',
  endDate: '2027-06-10',
});

describe('cards/programme-list-card', () => {
  it('lists each programme with its dates, and offers a new one', () => {
    const card = renderProgrammeListCard({ programmes: [autumn, spring] }, english);
    assert.match(
      textOf(card),
      /Autumn term, Medicine\n1 Sept 2026 – 20 Dec 2026\nOpen\n[\s\S]*Spring term\n15 Jan 2027 – 10 Jun 2027/,
    );
    assert.equal(verbsOf(card).at(-1), 'programme.new');
  });

  it('opens a programme to manage it, or to read its report or nudge when asked for', () => {
    const opens = (openVerb?: 'report.open') =>
      buttonsOf(renderProgrammeListCard({ programmes: [spring], openVerb }, english)).map((b) => b.data);
    assert.deepEqual(opens()[0], { verb: 'programme.open', programmeId: 'p-2' });
    assert.deepEqual(opens('report.open')[0], { verb: 'report.open', programmeId: 'p-2' });
  });

  it('says when there are none yet', () => {
    assert.match(textOf(renderProgrammeListCard({ programmes: [] }, english)), /No programmes yet\./);
    assert.doesNotMatch(textOf(renderProgrammeListCard({ programmes: [autumn] }, english)), /No programmes/);
  });

  it('lists the programmes in Swedish', () => {
    const text = textOf(renderProgrammeListCard({ programmes: [autumn] }, swedish));
    assert.match(text, /^Program\nÖppna\nAutumn term, Medicine\n1 sep\. 2026 – 20 dec\. 2026/);
    assert.match(text, /Nytt program$/);
  });
});
