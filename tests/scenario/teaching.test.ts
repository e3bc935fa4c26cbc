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

  it('gives the 45-minute lesson 30 minutes of play, names only what the game has, and says only what holds', () => {
    const result = load();
    if (!result.ok) throw new Error(result.problems.map(formatProblem).join('\n'));
    const t = result.scenario.teaching!;
    // Audit P1: ten turns in 20 minutes was too little; the plan still adds up (checked above and by validate).
    const lesson = t.plans.find((p) => p.id === 'lesson-45')!;
    expect(Math.max(...lesson.steps.map((s) => s.minutes))).toBeGreaterThanOrEqual(30);
    const words = JSON.stringify(t);
    // Play-test 3.12: the game has no timeline screen.
    expect(words).not.toMatch(/timeline in the game/i);
    // Printed before play: a question for an ending says only what every game that ends there shares (audit C6).
    expect(words).not.toMatch(/ended close to what happened/i);
    // Audit P2: the staging question does not lead.
    expect(words).toContain('What evidence would tell a real attack from a staged one?');
    // Audit D1: 003's own claim, and what the doubting officials did agree on.
    expect(words).toContain('Iran ordered this failed assassination attempt through its proxies');
    expect(words).toContain("did agree the attack was most likely committed by Shi'ite militias");
    // Audit F4 and B5: the dead of 5 November and the fraud claim, as questions; the game's answer, said.
    expect(words).toMatch(/death of one to two demonstrators/);
    expect(words).toMatch(/alleged that there was electoral fraud/);
    expect(t.notes.map((n) => n.text).join(' ')).toMatch(
      /treats the losing parties' claim of electoral fraud as false/,
    );
    // Audit F8: what the model's historical path is, said so that it stays true whatever a game's path reaches.
    expect(t.notes.map((n) => n.text).join(' ')).toMatch(/calibrated so that this path reaches the deadlock/);
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
