// The teacher's pack: its plans add up, its questions cover every ending, the unknown perpetrator and the
// misinformation, and validate refuses a pack that does not hold together, at its file and line.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { formatProblem, parseScenarioFiles } from '../../src/scenario/load.ts';

const DIR = 'scenarios/baghdad-2021';

function load(change: (text: string) => string = (t) => t) {
  const files = readdirSync(DIR)
    .filter((n) => n.endsWith('.yaml'))
    .map((name) => {
      const text = readFileSync(join(DIR, name), 'utf8');
      return { name, text: name === 'teaching.yaml' ? change(text) : text };
    });
  return parseScenarioFiles(files);
}

describe("the teacher's pack", () => {
  it('has goals, a 45-minute and a 90-minute lesson and a workshop, and questions for every ending and more', () => {
    const result = load();
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const t = result.scenario.teaching!;
    expect(t.goals.length).toBeGreaterThanOrEqual(4);
    const minutes = Object.fromEntries(t.plans.map((p) => [p.id, p.minutes]));
    expect(minutes).toMatchObject({ 'lesson-45': 45, 'lesson-90': 90 });
    expect(t.plans.map((p) => p.id)).toContain('workshop');
    for (const p of t.plans) expect(p.steps.reduce((n, s) => n + s.minutes, 0)).toBe(p.minutes);
    expect(t.hotWash.length).toBeGreaterThanOrEqual(5);
    const topics = t.questions.map((q) => q.about);
    for (const o of result.scenario.outcomes) expect(topics).toContain(o.id);
    expect(topics).toEqual(expect.arrayContaining(['perpetrator', 'misinformation']));
    // Nothing in it names who launched the drones as a fact: "who launched the drones" is asked, never answered.
    const words = JSON.stringify(t);
    expect(words).toMatch(/who launched the drones/i);
    expect(words).not.toMatch(/(?<!who )(launched|carried out|was behind) the (drones|(drone )?attack)/i);
  });

  it('is refused, at its line, when a plan does not add up or a question is about nothing the game has', () => {
    const result = load((text) =>
      text.replace(/minutes: 45\b/, 'minutes: 46').replace(/about: perpetrator/, 'about: perpetrators'),
    );
    expect(result.ok).toBe(false);
    if (result.ok) return;
    const lines = result.problems.map(formatProblem);
    expect(
      lines.some((l) =>
        /^teaching\.yaml:\d+:\d+ teaching\.plans\.0\.minutes: the plan takes 46 minutes, its steps 45/.test(
          l,
        ),
      ),
    ).toBe(true);
    expect(
      lines.some((l) =>
        /^teaching\.yaml:\d+:\d+ teaching\.questions\.\d+\.about: .*"perpetrators" \(did you mean "perpetrator"\?\)/.test(
          l,
        ),
      ),
    ).toBe(true);
  });
});
