import { describe, expect, it } from 'vitest';
import { linesOf, wallNews, wallSeatName } from '../../src/present/projector.presenter.ts';
import type { JournalView, PublicView } from '../../src/sim/view.ts';

const entry = (turn: number, kind: JournalView['kind'], text: string): JournalView => ({
  turn,
  kind,
  headline: { text } as JournalView['headline'],
  body: null,
  actor: null,
  counterfactual: false,
  claim: null,
  exposed: false,
});

const view = (
  index: number,
  journal: JournalView[],
  status: PublicView['status'] = 'deciding',
): Pick<PublicView, 'journal' | 'turn' | 'status'> => ({
  journal,
  status,
  turn: { index } as PublicView['turn'],
});

describe('the projector wall news', () => {
  it('counts lines by whole words', () => {
    expect(linesOf('short', 10)).toBe(1);
    expect(linesOf('aaaa bbbb cccc', 10)).toBe(2);
    expect(linesOf('x'.repeat(25), 10)).toBe(3);
  });

  it('shows the last resolution, events before announcements and statements, and counts the rest', () => {
    const journal = [
      entry(0, 'news', 'old news'),
      entry(1, 'action', 'A announces'),
      entry(1, 'statement', 'B speaks'),
      entry(1, 'news', 'An attack'),
      ...Array.from({ length: 8 }, (_, i) => entry(1, 'statement', `Reaction ${i}`)),
    ];
    const news = wallNews(view(2, journal), 5, 40);
    expect(news.shown.map((n) => n.text)).toEqual([
      'An attack',
      'A announces',
      'B speaks',
      'Reaction 0',
      'Reaction 1',
    ]);
    expect(news.more).toBe(6);
    expect(news.moreText).toBe('and 6 more reports');
    expect(news.none).toBe(false);
  });

  it('puts an inject fired this turn first, newest first, without dropping the last resolution', () => {
    const journal = [
      entry(1, 'news', 'Resolved 1'),
      entry(1, 'news', 'Resolved 2'),
      entry(2, 'news', 'Inject A'),
      entry(2, 'news', 'Inject B'),
    ];
    const news = wallNews(view(2, journal), 5, 40);
    expect(news.shown.map((n) => n.text)).toEqual(['Inject B', 'Inject A', 'Resolved 1', 'Resolved 2']);
    expect(news.shown[0]!.fresh).toBe(true);
    expect(news.moreText).toBeNull();
  });

  it('fits by lines: long headlines leave room for fewer, and at least one is shown', () => {
    const long = 'word '.repeat(20).trim(); // 99 characters: 3 lines of 40
    const journal = [entry(0, 'news', long), entry(0, 'news', long), entry(0, 'news', 'short')];
    const news = wallNews(view(1, journal), 5, 40);
    expect(news.shown).toHaveLength(1);
    expect(news.moreText).toBe('and 2 more reports');
    expect(wallNews(view(1, [entry(0, 'news', long.repeat(3))]), 2, 40).shown).toHaveLength(1);
  });

  it('once ended shows only the last turn, and says when there is no news', () => {
    const journal = [entry(8, 'news', 'Before'), entry(9, 'news', 'The last')];
    expect(wallNews(view(9, journal, 'ended')).shown.map((n) => n.text)).toEqual(['The last']);
    expect(wallNews(view(0, [], 'setup')).none).toBe(true);
  });

  it('shortens seat names for the wall', () => {
    expect(wallSeatName('The Prime Minister (Mustafa al-Kadhimi) and his government')).toBe('Prime Minister');
    expect(wallSeatName('The Coordination Framework and the Iran-aligned armed factions')).toBe(
      'Coordination Framework',
    );
    expect(wallSeatName('Iran (the Quds Force and the Supreme National Security Council)')).toBe('Iran');
    expect(wallSeatName('The United States')).toBe('United States');
    // In Arabic, "and the" is و joined to the article: the name stops before it, as in English.
    expect(wallSeatName('الإطار التنسيقي والفصائل المسلحة المتحالفة')).toBe('الإطار التنسيقي');
    expect(wallSeatName('التيار الصدري')).toBe('التيار الصدري');
  });
});
