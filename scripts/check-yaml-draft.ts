// Throwaway checker for scenario drafts, until src/cli/validate.ts and src/cli/simulate.ts exist.
// Usage: npx tsx scripts/check-yaml-draft.ts [scenarios/baghdad-2021] [--sim N] [--seed S]
//        [--force actor:option=bonus,...]  (adds a bonus to an option, to mimic a human pushing one way)
// The --sim mode is a rough stand-in for the engine, written from docs/scenario-format.md; it is only
// a tuning aid and its figures will differ from the real simulator's.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { parse } from 'yaml';
import { type Condition, type Effect, Scenario } from '../src/scenario/schema.ts';

type Sc = ReturnType<typeof Scenario.parse>;

const args = process.argv.slice(2);
const dir = args.find((a) => a.startsWith('scenarios/')) ?? 'scenarios/baghdad-2021';
const argValue = (name: string): string | undefined => {
  const i = args.indexOf(name);
  return i >= 0 ? args[i + 1] : undefined;
};

function load(folder: string): unknown {
  const merged: Record<string, unknown> = {};
  const files = readdirSync(folder)
    .filter((f) => f.endsWith('.yaml') || f.endsWith('.yml'))
    .sort();
  for (const f of files) {
    const doc = parse(readFileSync(join(folder, f), 'utf8')) as Record<string, unknown> | null;
    if (!doc) continue;
    for (const [k, v] of Object.entries(doc)) {
      if (k === 'meta') {
        if (merged.meta) console.error(`meta appears twice (again in ${f})`);
        merged.meta = v;
      } else if (Array.isArray(v)) {
        merged[k] = [...((merged[k] as unknown[]) ?? []), ...v];
      } else {
        console.error(`${f}: key ${k} is not a list`);
      }
    }
  }
  return merged;
}

const raw = load(dir);
const result = Scenario.safeParse(raw);
if (!result.success) {
  for (const issue of result.error.issues) console.log(`${issue.path.join('.')}: ${issue.message}`);
  process.exit(1);
}
const sc: Sc = result.data;
console.log('schema: ok');

// ---------- cross-reference checks ----------
const problems: string[] = [];
const ids = {
  indicators: new Set(sc.indicators.map((i) => i.id)),
  actors: new Set(sc.actors.map((a) => a.id)),
  facts: new Set(sc.facts.map((f) => f.id)),
  turns: sc.turns.map((t) => t.id),
  events: new Set(sc.events.map((e) => e.id)),
  sources: new Set(sc.meta.sources.map((s) => s.file)),
};
const optionsOf = new Map<string, Set<string>>();
for (const d of sc.decisions) {
  const set = optionsOf.get(d.actor) ?? new Set<string>();
  for (const o of d.options) set.add(o.id);
  optionsOf.set(d.actor, set);
}
const postureOf = new Map(sc.actors.map((a) => [a.id, new Set(a.postures.map((p) => p.id))]));
function dup(kind: string, list: { id: string }[]) {
  const seen = new Set<string>();
  for (const x of list) {
    if (seen.has(x.id)) problems.push(`duplicate ${kind} id ${x.id}`);
    seen.add(x.id);
  }
}
dup('indicator', sc.indicators);
dup('actor', sc.actors);
dup('fact', sc.facts);
dup('turn', sc.turns);
dup('event', sc.events);
dup('outcome', sc.outcomes);
dup('decision', sc.decisions);
dup('person', sc.people);

function walkTexts(v: unknown, path: string) {
  if (Array.isArray(v)) {
    for (const [i, x] of v.entries()) walkTexts(x, `${path}[${i}]`);
  } else if (v && typeof v === 'object') {
    const o = v as Record<string, unknown>;
    if (typeof o.text === 'string') {
      const src = o.source;
      const list = src === undefined ? [] : Array.isArray(src) ? src : [src];
      for (const s of list) if (!ids.sources.has(s as string)) problems.push(`${path}: unknown source ${s}`);
      if (o.invention && !o.note) problems.push(`${path}: invention without note`);
    }
    for (const [k, x] of Object.entries(o)) walkTexts(x, `${path}.${k}`);
  }
}
walkTexts(raw, '');

function checkCond(c: Condition, where: string) {
  if (c.all) for (const x of c.all) checkCond(x, where);
  if (c.any) for (const x of c.any) checkCond(x, where);
  if (c.not) checkCond(c.not, where);
  for (const m of [c.atLeast, c.atMost])
    if (m)
      for (const k of Object.keys(m)) if (!ids.indicators.has(k)) problems.push(`${where}: indicator ${k}`);
  if (c.fact && !ids.facts.has(c.fact)) problems.push(`${where}: fact ${c.fact}`);
  if (c.believes) {
    if (!ids.facts.has(c.believes.fact)) problems.push(`${where}: fact ${c.believes.fact}`);
    if (!ids.actors.has(c.believes.actor)) problems.push(`${where}: actor ${c.believes.actor}`);
  }
  if (c.chose) {
    if (!optionsOf.get(c.chose.actor)?.has(c.chose.option))
      problems.push(`${where}: option ${c.chose.actor}.${c.chose.option}`);
    if (c.chose.turn && !ids.turns.includes(c.chose.turn)) problems.push(`${where}: turn ${c.chose.turn}`);
  }
  if (c.fired && !ids.events.has(c.fired)) problems.push(`${where}: event ${c.fired}`);
  if (c.turn) {
    for (const t of [c.turn.from, c.turn.to])
      if (t && !ids.turns.includes(t)) problems.push(`${where}: turn ${t}`);
  }
  if (c.posture && !postureOf.get(c.posture.actor)?.has(c.posture.is))
    problems.push(`${where}: posture ${c.posture.actor}.${c.posture.is}`);
}
function checkEffects(list: Effect[], where: string) {
  for (const e of list) {
    for (const m of [e.add, e.set])
      if (m)
        for (const k of Object.keys(m)) if (!ids.indicators.has(k)) problems.push(`${where}: indicator ${k}`);
    if (e.facts)
      for (const k of Object.keys(e.facts)) if (!ids.facts.has(k)) problems.push(`${where}: fact ${k}`);
    if (e.reveal && !ids.facts.has(e.reveal.fact)) problems.push(`${where}: fact ${e.reveal.fact}`);
    if (e.tell && !ids.facts.has(e.tell.fact)) problems.push(`${where}: fact ${e.tell.fact}`);
    if (e.posture && !postureOf.get(e.posture.actor)?.has(e.posture.to))
      problems.push(`${where}: posture ${e.posture.actor}.${e.posture.to}`);
    if (e.if) checkCond(e.if, where);
    if (e.then) checkEffects(e.then, where);
    if (e.else) checkEffects(e.else, where);
  }
}
for (const a of sc.actors) {
  if (!postureOf.get(a.id)?.has(a.posture)) problems.push(`actor ${a.id}: start posture ${a.posture}`);
  for (const g of a.goals)
    if (!ids.indicators.has(g.indicator)) problems.push(`actor ${a.id}: goal ${g.indicator}`);
  for (const f of Object.keys(a.knowledge)) if (!ids.facts.has(f)) problems.push(`actor ${a.id}: knows ${f}`);
}
for (const d of sc.decisions) {
  for (const o of d.options) {
    const w = `${d.id}.${o.id}`;
    if (o.available) checkCond(o.available, w);
    checkEffects(o.effects, w);
    for (const p of o.policy.prefer) checkCond(p.when, `${w}.prefer`);
    if (o.posture && !postureOf.get(d.actor)?.has(o.posture)) problems.push(`${w}: posture ${o.posture}`);
  }
}
for (const e of sc.events) {
  if (e.when) checkCond(e.when, `event ${e.id}`);
  checkEffects(e.effects, `event ${e.id}`);
  if (e.claim && !ids.facts.has(e.claim.fact)) problems.push(`event ${e.id}: claim ${e.claim.fact}`);
  if (e.speaker && !ids.actors.has(e.speaker)) problems.push(`event ${e.id}: speaker ${e.speaker}`);
  for (const t of [e.turns?.from, e.turns?.to])
    if (t && !ids.turns.includes(t)) problems.push(`event ${e.id}: turn ${t}`);
}
for (const o of sc.outcomes) if (o.when) checkCond(o.when, `outcome ${o.id}`);
const atEnd = sc.outcomes.filter((o) => o.check === 'at-end');
if (atEnd.length === 0 || atEnd[atEnd.length - 1]?.when)
  problems.push('the last at-end outcome must have no when');

// per-turn option counts (availability ignored except turn windows, which we report separately)
const playable = sc.actors.filter((a) => a.playable);
for (const a of playable) {
  for (const t of sc.turns) {
    const ds = sc.decisions.filter((d) => d.actor === a.id && (d.turns === 'all' || d.turns.includes(t.id)));
    if (ds.length !== 1) problems.push(`actor ${a.id} has ${ds.length} decisions in turn ${t.id}`);
  }
}
for (const p of problems) console.log(`problem: ${p}`);
console.log(
  `counts: ${sc.turns.length} turns, ${sc.decisions.reduce((n, d) => n + d.options.length, 0)} options, ${sc.events.length} events (${sc.events.filter((e) => e.counterfactual).length} counterfactual), ${sc.facts.length} facts, ${sc.people.length} people, ${sc.glossary.length} glossary`,
);

// ---------- a rough simulation ----------
type State = {
  ind: Record<string, number>;
  facts: Record<string, boolean>;
  beliefs: Record<string, Record<string, boolean>>;
  posture: Record<string, string>;
  chosen: Record<string, Record<string, string>>; // turn -> actor -> option
  fired: Set<string>;
  turnIndex: number;
  rng: () => number;
};

function mulberry(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const turnIdx = (id: string) => ids.turns.indexOf(id);

function holds(c: Condition, s: State, view?: string): boolean {
  if (c.all) return c.all.every((x) => holds(x, s, view));
  if (c.any) return c.any.some((x) => holds(x, s, view));
  if (c.not) return !holds(c.not, s, view);
  if (c.atLeast) return Object.entries(c.atLeast).every(([k, n]) => (s.ind[k] ?? 0) >= n);
  if (c.atMost) return Object.entries(c.atMost).every(([k, n]) => (s.ind[k] ?? 0) <= n);
  if (c.fact) return view ? (s.beliefs[view]?.[c.fact] ?? false) : (s.facts[c.fact] ?? false);
  if (c.believes)
    return (s.beliefs[c.believes.actor]?.[c.believes.fact] ?? false) === (c.believes.is ?? true);
  if (c.chose) {
    const ch = c.chose;
    if (view && view !== ch.actor && !announced(ch.actor, ch.option)) return false;
    if (ch.turn) return s.chosen[ch.turn]?.[ch.actor] === ch.option;
    return Object.values(s.chosen).some((m) => m[ch.actor] === ch.option);
  }
  if (c.fired) return s.fired.has(c.fired);
  if (c.turn) {
    const from = c.turn.from ? turnIdx(c.turn.from) : 0;
    const to = c.turn.to ? turnIdx(c.turn.to) : 1e9;
    return s.turnIndex >= from && s.turnIndex <= to;
  }
  if (c.posture) return s.posture[c.posture.actor] === c.posture.is;
  if (c.chance !== undefined) return s.rng() < c.chance;
  return false;
}
const announceMap = new Map<string, boolean>();
for (const d of sc.decisions) for (const o of d.options) announceMap.set(`${d.actor}.${o.id}`, !!o.announce);
const announced = (actor: string, option: string) => announceMap.get(`${actor}.${option}`) ?? false;

const indMeta = new Map(sc.indicators.map((i) => [i.id, i]));
const budget = new Map<string, number>();
function apply(list: Effect[], s: State, cause: string) {
  for (const e of list) {
    if (e.add)
      for (const [k, n] of Object.entries(e.add)) {
        const m = indMeta.get(k)!;
        const before = s.ind[k] ?? 0;
        s.ind[k] = Math.max(m.min, Math.min(m.max, before + n));
        const key = `${k}|${cause}`;
        budget.set(key, (budget.get(key) ?? 0) + (s.ind[k]! - before));
      }
    if (e.set) for (const [k, n] of Object.entries(e.set)) s.ind[k] = n;
    if (e.facts) for (const [k, v] of Object.entries(e.facts)) s.facts[k] = v;
    if (e.reveal)
      for (const a of audienceOf(e.reveal.to)) s.beliefs[a]![e.reveal.fact] = s.facts[e.reveal.fact] ?? false;
    if (e.tell) for (const a of audienceOf(e.tell.to)) s.beliefs[a]![e.tell.fact] = e.tell.is;
    if (e.posture) s.posture[e.posture.actor] = e.posture.to;
    if (e.if) apply(holds(e.if, s) ? (e.then ?? []) : (e.else ?? []), s, cause);
  }
}
const audienceOf = (a: 'public' | string[]) => (a === 'public' ? sc.actors.map((x) => x.id) : a);

// score = sum over goals of weight * signed delta, with conditional effects judged from the actor's view
function deltaOf(list: Effect[], s: State, view: string, acc: Record<string, number>) {
  for (const e of list) {
    if (e.add) for (const [k, n] of Object.entries(e.add)) acc[k] = (acc[k] ?? 0) + n;
    if (e.if) deltaOf(holds(e.if, s, view) ? (e.then ?? []) : (e.else ?? []), s, view, acc);
  }
}

const force = new Map<string, number>();
for (const part of (argValue('--force') ?? '').split(',').filter(Boolean)) {
  const [k, v] = part.split('=');
  force.set(k!, Number(v ?? 100));
}

function play(seed: number) {
  const rng = mulberry(seed);
  const s: State = {
    ind: Object.fromEntries(sc.indicators.map((i) => [i.id, i.start])),
    facts: Object.fromEntries(sc.facts.map((f) => [f.id, f.truth])),
    beliefs: {},
    posture: Object.fromEntries(sc.actors.map((a) => [a.id, a.posture])),
    chosen: {},
    fired: new Set(),
    turnIndex: 0,
    rng,
  };
  for (const a of sc.actors) {
    s.beliefs[a.id] = { ...a.knowledge };
    for (const f of sc.facts) {
      const kb = f.knownBy;
      if (kb === 'public' || kb?.includes(a.id)) s.beliefs[a.id]![f.id] = f.truth;
    }
  }
  const choices: string[] = [];
  const events: string[] = [];
  const traj: Record<string, number>[] = [];
  for (let ti = 0; ti < sc.turns.length; ti++) {
    s.turnIndex = ti;
    const turn = sc.turns[ti]!;
    s.chosen[turn.id] = {};
    const picks: [string, (typeof sc.decisions)[number]['options'][number]][] = [];
    for (const a of sc.actors) {
      const d = sc.decisions.find(
        (x) => x.actor === a.id && (x.turns === 'all' || x.turns.includes(turn.id)),
      );
      if (!d) continue;
      const avail = d.options.filter((o) => !o.available || holds(o.available, s, a.id));
      if (avail.length < 4) problems.push(`${a.id} has ${avail.length} options in ${turn.id}`);
      const scores = avail.map((o) => {
        const acc: Record<string, number> = {};
        deltaOf(o.effects, s, a.id, acc);
        let sc0 = 0;
        for (const g of a.goals) sc0 += g.weight * (g.want === 'high' ? 1 : -1) * (acc[g.indicator] ?? 0);
        sc0 += o.policy.bias;
        for (const p of o.policy.prefer) if (holds(p.when, s, a.id)) sc0 += p.bonus;
        sc0 += force.get(`${a.id}:${o.id}`) ?? 0;
        return sc0;
      });
      const t = a.policy.temperature;
      const mx = Math.max(...scores);
      const w = scores.map((x) => Math.exp((x - mx) / t));
      const tot = w.reduce((x, y) => x + y, 0);
      let r = rng() * tot;
      let k = 0;
      for (; k < w.length - 1; k++) {
        r -= w[k]!;
        if (r <= 0) break;
      }
      picks.push([a.id, avail[k]!]);
    }
    for (const [a, o] of picks) {
      s.chosen[turn.id]![a] = o.id;
      choices.push(`${turn.id}:${a}:${o.id}`);
    }
    for (const [a, o] of picks) {
      apply(o.effects, s, `${a}.${o.id}`);
      if (o.posture) s.posture[a] = o.posture;
    }
    for (const e of sc.events) {
      if (e.once && s.fired.has(e.id)) continue;
      const from = e.turns?.from ? turnIdx(e.turns.from) : 0;
      const to = e.turns?.to ? turnIdx(e.turns.to) : 1e9;
      if (ti < from || ti > to) continue;
      if (e.when && !holds(e.when, s)) continue;
      s.fired.add(e.id);
      events.push(e.id);
      apply(e.effects, s, e.id);
      if (e.claim) for (const a of audienceOf(e.audience)) s.beliefs[a]![e.claim.fact] = e.claim.is;
    }
    traj.push({ ...s.ind });
    for (const o of sc.outcomes) {
      if (o.check !== 'every-turn') continue;
      if (o.from && ti < turnIdx(o.from)) continue;
      if (!o.when || holds(o.when, s)) return { outcome: o.id, turn: turn.id, s, choices, events, traj };
    }
  }
  for (const o of atEnd)
    if (!o.when || holds(o.when, s)) return { outcome: o.id, turn: 'end', s, choices, events, traj };
  return { outcome: 'none', turn: 'end', s, choices, events, traj };
}

const n = Number(argValue('--sim') ?? 0);
if (n > 0) {
  const seed0 = Number(argValue('--seed') ?? 1);
  const outcomes = new Map<string, number>();
  const turnsEnded = new Map<string, number>();
  const choiceCount = new Map<string, number>();
  const eventCount = new Map<string, number>();
  const finals: Record<string, number> = {};
  const trajSum: Record<string, number>[] = ids.turns.map(() => ({}));
  const trajN: number[] = ids.turns.map(() => 0);
  for (let g = 0; g < n; g++) {
    const r = play(seed0 * 100003 + g);
    outcomes.set(r.outcome, (outcomes.get(r.outcome) ?? 0) + 1);
    turnsEnded.set(`${r.outcome}@${r.turn}`, (turnsEnded.get(`${r.outcome}@${r.turn}`) ?? 0) + 1);
    for (const c of r.choices) choiceCount.set(c, (choiceCount.get(c) ?? 0) + 1);
    for (const e of r.events) eventCount.set(e, (eventCount.get(e) ?? 0) + 1);
    for (const [k, v] of Object.entries(r.s.ind)) finals[k] = (finals[k] ?? 0) + v / n;
    r.traj.forEach((row, i) => {
      trajN[i]! += 1;
      for (const [k, v] of Object.entries(row)) trajSum[i]![k] = (trajSum[i]![k] ?? 0) + v;
    });
  }
  console.log('\noutcomes:');
  for (const [k, v] of [...outcomes].sort((a, b) => b[1] - a[1]))
    console.log(`  ${k}: ${((100 * v) / n).toFixed(1)}%`);
  console.log('ended at:', Object.fromEntries(turnsEnded));
  console.log('mean final:', Object.fromEntries(Object.entries(finals).map(([k, v]) => [k, Math.round(v)])));
  console.log(`turn            ${sc.indicators.map((i) => i.id.slice(0, 8).padStart(9)).join('')}`);
  ids.turns.forEach((t, i) => {
    const row = sc.indicators.map((ind) =>
      String(Math.round((trajSum[i]![ind.id] ?? 0) / Math.max(1, trajN[i]!))).padStart(9),
    );
    console.log(`${t.padEnd(16)}${row.join('')}  (${trajN[i]})`);
  });
  if (args.includes('--choices')) {
    for (const t of ids.turns)
      for (const a of playable) {
        const row = [...choiceCount]
          .filter(([k]) => k.startsWith(`${t}:${a.id}:`))
          .sort((x, y) => y[1] - x[1])
          .map(([k, v]) => `${k.split(':')[2]} ${Math.round((100 * v) / n)}`);
        console.log(`  ${t} ${a.id}: ${row.join(', ')}`);
      }
  }
  const bud = argValue('--budget');
  if (bud) {
    const rows = [...budget].filter(([k]) => k.startsWith(`${bud}|`)).sort((a, b) => b[1] - a[1]);
    console.log(`budget for ${bud} (mean change per game):`);
    for (const [k, v] of rows)
      if (Math.abs(v / n) >= 0.2) console.log(`  ${(v / n).toFixed(1).padStart(6)} ${k.split('|')[1]}`);
  }
  if (args.includes('--events')) {
    console.log('events:');
    for (const e of sc.events)
      console.log(`  ${e.id}: ${Math.round((100 * (eventCount.get(e.id) ?? 0)) / n)}%`);
  }
  const uniq = [...new Set(problems.filter((p) => p.includes(' options in ')))];
  for (const p of uniq.slice(0, 20)) console.log(`sim problem: ${p}`);
}
