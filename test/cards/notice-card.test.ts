import assert from 'node:assert/strict';
import { renderNoticeCard } from '../../src/cards/notice-card';
import { buttonsOf } from '../support/card-samples';
import { textOf, verbsOf } from '../support/test-bot';

describe('cards/notice-card', () => {
  it('shows the title, the text, each section and a button for each follow-up', () => {
    const card = renderNoticeCard({
      title: 'Pairing in Autumn',
      text: 'Everyone paired has been told.',
      sections: [{ heading: 'Pairs formed (1)', body: '- Avery Lind and Blake Berg' }],
      actions: [{ title: 'Back to the programme', verb: 'programme.open', programmeId: 'p-1' }],
    });
    assert.equal(
      textOf(card).split('\n').slice(0, 4).join('\n'),
      'Pairing in Autumn\nEveryone paired has been told.\nPairs formed (1)\n- Avery Lind and Blake Berg',
    );
    assert.deepEqual(verbsOf(card), ['programme.open']);
    assert.deepEqual(buttonsOf(card)[0]!.data, { verb: 'programme.open', programmeId: 'p-1' });
  });

  it('a notice without sections or actions has none', () => {
    const card = renderNoticeCard({ title: 'Hello' }) as unknown as { actions?: unknown[] };
    assert.equal((card.actions ?? []).length, 0);
    assert.equal(textOf(card), 'Hello');
  });
});
