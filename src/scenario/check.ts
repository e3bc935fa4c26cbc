// Cross-reference and range checks on a scenario the schema has accepted. Pure: problems carry a path
// into the merged scenario (events.3.when.atLeast.foo); the loader maps it to a file and line.
import { statementsWithoutChoice } from './check-statements.ts';
import type { Audience, Condition, Effect, Scenario } from './types.ts';

/** firstAt: for a duplicate, the path of the first one, which the loader turns into FILE:LINE. */
export type PathIssue = { path: string; message: string; firstAt?: string };

type Report = (path: Path, message: string, firstAt?: Path) => void;

type Path = readonly (string | number)[];

type Known = (id: string, path: Path) => boolean;

/** The id indexes of a scenario and the checks of references into them, shared by the parts below. */
interface Refs {
  report: Report;
  indicators: ReadonlyMap<string, number>;
  actors: ReadonlyMap<string, number>;
  turns: ReadonlyMap<string, number>;
  turnIds: readonly string[];
  /** actor -> option id -> whether any of its options of that id is announced. */
  options: ReadonlyMap<string, ReadonlyMap<string, boolean>>;
  indicator: Known;
  actor: Known;
  fact: Known;
  turn: Known;
  event: Known;
  agreement: Known;
  /** agreement id -> whether it is public once accepted. */
  agreementPublic: ReadonlyMap<string, boolean>;
  audience: (a: Audience, path: Path) => void;
  posture: (actorId: string, postureId: string, path: Path) => void;
  inRange: (id: string, value: number, path: Path, what: string) => void;
  window: (w: { from?: string | undefined; to?: string | undefined }, path: Path) => void;
  condition: (c: Condition, path: Path) => void;
  effect: (e: Effect, path: Path) => void;
}

export function checkScenario(s: Scenario): PathIssue[] {
  const issues: PathIssue[] = [];
  const report: Report = (path, message, firstAt) => {
    issues.push({ path: path.join('.'), message, ...(firstAt && { firstAt: firstAt.join('.') }) });
  };
  const refs = references(s, report);
  checkIndicators(s, refs);
  checkActors(s, refs);
  s.facts.forEach((f, i) => {
    if (f.knownBy !== undefined) refs.audience(f.knownBy, ['facts', i, 'knownBy']);
  });
  const declared = new Set(s.meta.sources.map((src) => src.file));
  checkBases(s, refs, declared);
  checkTurns(s, refs);
  checkDecisions(s, refs);
  checkEvents(s, refs);
  checkAgreements(s, refs);
  checkRulingEffects(s, refs);
  (s.statementClaims ?? []).forEach((x, i) => {
    playable(s, refs, x.speaker, ['statementClaims', i, 'speaker']);
    refs.fact(x.claim.fact, ['statementClaims', i, 'claim', 'fact']);
    if (x.when) refs.condition(x.when, ['statementClaims', i, 'when']);
  });
  checkHistory(s, refs);
  checkTeaching(s, report);
  checkOutcomes(s, report, refs.turn, refs.condition, declared);
  checkEndingTexts(s, refs);
  s.people.forEach((p, i) => {
    if (p.actor !== undefined) refs.actor(p.actor, ['people', i, 'actor']);
  });
  indexBy('term', s.glossary, (g) => g.term, ['glossary'], report);

  indexBy('source file', s.meta.sources, (src) => src.file, ['meta', 'sources'], report);
  checkTextSources(s, [], declared, report);
  return issues;
}

/** Indexes the ids (reporting repeats) and builds the reference checks on them. */
function references(s: Scenario, report: Report): Refs {
  const ids = (kind: string, list: readonly { id: string }[], at: Path) => indexIds(kind, list, at, report);
  const indicators = ids('indicator', s.indicators, ['indicators']);
  const actors = ids('actor', s.actors, ['actors']);
  const facts = ids('fact', s.facts, ['facts']);
  const turns = ids('turn', s.turns, ['turns']);
  const events = ids('event', s.events, ['events']);
  const agreements = ids('agreement', s.agreements ?? [], ['agreements']);
  ids('ruling effect', s.rulingEffects ?? [], ['rulingEffects']);
  ids('statement claim', s.statementClaims ?? [], ['statementClaims']);
  ids('decision', s.decisions, ['decisions']);
  ids('outcome', s.outcomes, ['outcomes']);
  ids('person', s.people, ['people']);

  const known = (kind: string, index: ReadonlyMap<string, number>): Known => {
    const hint = hinter(index);
    return (id, path) => {
      if (index.has(id)) return true;
      report(path, `unknown ${kind} "${id}"${hint(id)}`);
      return false;
    };
  };
  const actor = known('actor', actors);
  const turn = known('turn', turns);
  const options = new Map<string, Map<string, boolean>>();
  for (const d of s.decisions) {
    const mine = options.get(d.actor) ?? new Map<string, boolean>();
    options.set(d.actor, mine);
    for (const o of d.options) mine.set(o.id, mine.get(o.id) === true || o.announce !== undefined);
  }
  const refs: Omit<Refs, 'condition' | 'effect'> = {
    report,
    indicators,
    actors,
    turns,
    turnIds: s.turns.map((t) => t.id),
    options,
    indicator: known('indicator', indicators),
    actor,
    fact: known('fact', facts),
    turn,
    event: known('event', events),
    agreement: known('agreement', agreements),
    agreementPublic: new Map((s.agreements ?? []).map((a) => [a.id, a.public])),
    audience: (a, path) => {
      if (a === 'public') return;
      a.forEach((id, i) => {
        actor(id, [...path, i]);
      });
    },
    posture: (actorId, postureId, path) => {
      const a = s.actors[actors.get(actorId) ?? -1];
      if (!a || a.postures.some((p) => p.id === postureId)) return;
      const theirs = a.postures.map((p) => p.id);
      report(
        path,
        `"${postureId}" is not a posture of actor "${actorId}" (its postures: ${theirs.join(', ')})`,
      );
    },
    inRange: (id, value, path, what) => {
      const ind = s.indicators[indicators.get(id) ?? -1];
      if (ind && (value < ind.min || value > ind.max)) {
        report(path, `${what} ${value} is outside the range of "${id}" [${ind.min}, ${ind.max}]`);
      }
    },
    window: (w, path) => {
      const okFrom = w.from === undefined || turn(w.from, [...path, 'from']);
      const okTo = w.to === undefined || turn(w.to, [...path, 'to']);
      if (okFrom && okTo && w.from && w.to && turns.get(w.from)! > turns.get(w.to)!) {
        report(path, `from "${w.from}" comes after to "${w.to}"`);
      }
    },
  };
  return logicChecks(s, refs);
}

/** Adds the checks of conditions and effects, which recurse into each other's kind. */
function logicChecks(s: Scenario, refs: Omit<Refs, 'condition' | 'effect'>): Refs {
  const { report, indicator, actor, fact, turn } = refs;
  // Which options each actor is offered, and in which turns, for chose conditions.
  const offers = new Map<string, Map<string, Set<string>>>();
  for (const d of s.decisions) {
    const byOption = offers.get(d.actor) ?? new Map<string, Set<string>>();
    offers.set(d.actor, byOption);
    for (const o of d.options) {
      const inTurns = byOption.get(o.id) ?? new Set<string>();
      for (const t of d.turns === 'all' ? refs.turnIds : d.turns) inTurns.add(t);
      byOption.set(o.id, inTurns);
    }
  }

  const chose = (c: NonNullable<Condition['chose']>, path: Path): void => {
    const okTurn = c.turn === undefined || turn(c.turn, [...path, 'turn']);
    if (!actor(c.actor, [...path, 'actor'])) return;
    const options = offers.get(c.actor) ?? new Map<string, Set<string>>();
    const inTurns = options.get(c.option);
    if (!inTurns) {
      report(
        [...path, 'option'],
        `actor "${c.actor}" has no option "${c.option}"${didYouMean(c.option, options.keys())}`,
      );
    } else if (okTurn && c.turn !== undefined && !inTurns.has(c.turn)) {
      report([...path, 'turn'], `actor "${c.actor}" is not offered option "${c.option}" in turn "${c.turn}"`);
    }
  };
  const condition = (c: Condition, path: Path): void => {
    for (const key of ['all', 'any'] as const) {
      c[key]?.forEach((x, i) => {
        condition(x, [...path, key, i]);
      });
    }
    if (c.not) condition(c.not, [...path, 'not']);
    for (const key of ['atLeast', 'atMost'] as const) {
      for (const [id, n] of Object.entries(c[key] ?? {})) {
        const at = [...path, key, id];
        if (indicator(id, at)) refs.inRange(id, n, at, 'threshold');
      }
    }
    if (c.fact !== undefined) fact(c.fact, [...path, 'fact']);
    if (c.believes) {
      actor(c.believes.actor, [...path, 'believes', 'actor']);
      fact(c.believes.fact, [...path, 'believes', 'fact']);
    }
    if (c.chose) chose(c.chose, [...path, 'chose']);
    if (c.fired !== undefined) refs.event(c.fired, [...path, 'fired']);
    if (c.agreed !== undefined) refs.agreement(c.agreed, [...path, 'agreed']);
    if (c.turn) refs.window(c.turn, [...path, 'turn']);
    if (c.posture && actor(c.posture.actor, [...path, 'posture', 'actor'])) {
      refs.posture(c.posture.actor, c.posture.is, [...path, 'posture', 'is']);
    }
  };
  const effect = (e: Effect, path: Path): void => {
    for (const id of Object.keys(e.add ?? {})) indicator(id, [...path, 'add', id]);
    for (const [id, n] of Object.entries(e.set ?? {})) {
      const at = [...path, 'set', id];
      if (indicator(id, at)) refs.inRange(id, n, at, 'value');
    }
    for (const id of Object.keys(e.facts ?? {})) fact(id, [...path, 'facts', id]);
    if (e.reveal) {
      fact(e.reveal.fact, [...path, 'reveal', 'fact']);
      refs.audience(e.reveal.to, [...path, 'reveal', 'to']);
    }
    if (e.tell) {
      fact(e.tell.fact, [...path, 'tell', 'fact']);
      refs.audience(e.tell.to, [...path, 'tell', 'to']);
      if (e.tell.by !== undefined) actor(e.tell.by, [...path, 'tell', 'by']);
    }
    if (e.posture && actor(e.posture.actor, [...path, 'posture', 'actor'])) {
      refs.posture(e.posture.actor, e.posture.to, [...path, 'posture', 'to']);
    }
    if (e.if) condition(e.if, [...path, 'if']);
    e.then?.forEach((x, i) => {
      effect(x, [...path, 'then', i]);
    });
    e.else?.forEach((x, i) => {
      effect(x, [...path, 'else', i]);
    });
  };
  return { ...refs, condition, effect };
}

/** A playable actor: only seats propose and answer agreements, and only seats request rulings. */
function playable(s: Scenario, refs: Refs, id: string, path: Path): boolean {
  if (!refs.actor(id, path)) return false;
  if (s.actors[refs.actors.get(id)!]?.playable) return true;
  refs.report(path, `actor "${id}" is not playable: only a seat proposes, answers or asks for a ruling`);
  return false;
}

/**
 * Each agreement: its pairs are two different playable actors, named once; its conditions and effects name only
 * what exists; each breach is an act of one of its parties; its policy biases are for its parties.
 */
function checkAgreements(s: Scenario, refs: Refs): void {
  (s.agreements ?? []).forEach((a, i) => {
    const at = ['agreements', i];
    const parties = new Set<string>();
    const seen = new Set<string>();
    a.pairs.forEach((p, j) => {
      const okFrom = playable(s, refs, p.from, [...at, 'pairs', j, 'from']);
      const okTo = playable(s, refs, p.to, [...at, 'pairs', j, 'to']);
      if (p.from === p.to)
        refs.report([...at, 'pairs', j], `"${p.from}" cannot propose an agreement to itself`);
      const key = `${p.from}>${p.to}`;
      if (seen.has(key)) refs.report([...at, 'pairs', j], `the pair ${p.from} to ${p.to} is named twice`);
      seen.add(key);
      if (okFrom) parties.add(p.from);
      if (okTo) parties.add(p.to);
    });
    if (a.when) refs.condition(a.when, [...at, 'when']);
    a.effects.forEach((e, j) => {
      refs.effect(e, [...at, 'effects', j]);
    });
    a.breaches.forEach((b, j) => {
      const bt = [...at, 'breaches', j];
      if (refs.actor(b.by, [...bt, 'by']) && !parties.has(b.by))
        refs.report([...bt, 'by'], `"${b.by}" is not a party to agreement "${a.id}": only a party breaks it`);
      refs.condition(b.when, [...bt, 'when']);
      b.effects.forEach((e, k) => {
        refs.effect(e, [...bt, 'effects', k]);
      });
    });
    for (const actor of Object.keys(a.policy)) {
      if (refs.actor(actor, [...at, 'policy', actor]) && !parties.has(actor))
        refs.report(
          [...at, 'policy', actor],
          `"${actor}" is not a party to agreement "${a.id}": it never weighs it`,
        );
    }
  });
}

/** Each ruling effect names only what exists, and may be granted only to seats. */
function checkRulingEffects(s: Scenario, refs: Refs): void {
  (s.rulingEffects ?? []).forEach((r, i) => {
    r.actors?.forEach((a, j) => {
      playable(s, refs, a, ['rulingEffects', i, 'actors', j]);
    });
    r.effects.forEach((e, j) => {
      refs.effect(e, ['rulingEffects', i, 'effects', j]);
    });
  });
}

function checkIndicators(s: Scenario, refs: Refs): void {
  s.indicators.forEach((ind, i) => {
    const at = ['indicators', i];
    if (ind.min >= ind.max) refs.report([...at, 'min'], `min ${ind.min} must be below max ${ind.max}`);
    else if (ind.start < ind.min || ind.start > ind.max) {
      refs.report([...at, 'start'], `start ${ind.start} is outside the range [${ind.min}, ${ind.max}]`);
    }
    refs.audience(ind.visibility, [...at, 'visibility']);
  });
}

function checkActors(s: Scenario, refs: Refs): void {
  s.actors.forEach((a, i) => {
    const at = ['actors', i];
    a.goals.forEach((g, j) => {
      refs.indicator(g.indicator, [...at, 'goals', j, 'indicator']);
    });
    indexIds('posture', a.postures, [...at, 'postures'], refs.report);
    refs.posture(a.id, a.posture, [...at, 'posture']);
    for (const id of Object.keys(a.knowledge)) refs.fact(id, [...at, 'knowledge', id]);
  });
}

/**
 * A fact's `creditedBy` and `doubtedBy`: the cited grounds on which actors credit or doubt a claim. Each names a
 * known actor (and speaker, with `from`) and a declared source. An actor cannot both credit and doubt one claim
 * from one voice; nor, from every voice, credit a claim and its contrary (it would credit whatever it hears). From
 * one named voice it may: it takes that voice's word either way (the factions take Tehran's order, whichever).
 */
function checkBases(s: Scenario, refs: Refs, declared: ReadonlySet<string>): void {
  s.facts.forEach((f, i) => {
    const seen = new Map<string, 'creditedBy' | 'doubtedBy'>();
    for (const list of ['creditedBy', 'doubtedBy'] as const) {
      f[list].forEach((b, j) => {
        const at = ['facts', i, list, j];
        refs.actor(b.actor, [...at, 'actor']);
        if (b.from !== undefined) refs.actor(b.from, [...at, 'from']);
        if (!declared.has(b.source)) {
          refs.report(
            [...at, 'source'],
            `source "${b.source}" is not declared in meta.sources${didYouMean(b.source, declared)}`,
          );
        }
        const voice = b.from === undefined ? '' : ` from "${b.from}"`;
        const claim = `"${f.id}" is ${b.is}`;
        const key = `${b.actor}\u0000${b.from ?? ''}\u0000${b.is}`;
        if (seen.get(key) !== undefined && seen.get(key) !== list) {
          refs.report(
            at,
            `"${b.actor}" both credits and doubts that ${claim}${voice}: keep the one its source says`,
          );
        }
        const contrary = `${b.actor}\u0000\u0000${!b.is}`;
        if (list === 'creditedBy' && b.from === undefined && seen.get(contrary) === 'creditedBy') {
          refs.report(
            at,
            `"${b.actor}" credits both that ${claim} and the contrary, from whoever says it: keep the one its source says, or name the voice it takes (from)`,
          );
        }
        seen.set(key, list);
      });
    }
  });
}

/** Each part of a condition with its path, the condition itself first. */
function conditionParts(c: Condition, path: Path): [Condition, Path][] {
  const parts: [Condition, Path][] = [[c, path]];
  for (const key of ['all', 'any'] as const) {
    c[key]?.forEach((x, i) => {
      parts.push(...conditionParts(x, [...path, key, i]));
    });
  }
  if (c.not) parts.push(...conditionParts(c.not, [...path, 'not']));
  return parts;
}

function checkTurns(s: Scenario, refs: Refs): void {
  const { report } = refs;
  s.turns.forEach((t, i) => {
    checkPresupposition(t, ['turns', i], refs);
    const at = ['turns', i, 'date'];
    const date = new Date(`${t.date}T00:00:00Z`);
    if (Number.isNaN(date.getTime()) || date.toISOString().slice(0, 10) !== t.date) {
      report(at, `${t.date} is not a calendar date`);
    }
    const before = s.turns[i - 1];
    if (before && before.date >= t.date) {
      report(
        at,
        `${t.date} is not after the previous turn's date ${before.date}; turns go in calendar order`,
      );
    }
  });
}

/**
 * A turn's presupposition names only what exists (the condition checks), and comes with the summary a game that
 * left history shows instead. It is judged whenever a view is drawn, with no draw of chance to judge it by.
 */
function checkPresupposition(t: Scenario['turns'][number], at: Path, refs: Refs): void {
  if (t.presupposes === undefined) {
    for (const key of ['titleAnyGame', 'summaryAnyGame'] as const) {
      if (t[key] !== undefined) {
        refs.report(
          [...at, key],
          `${key} is shown only where presupposes fails; add presupposes or remove it`,
        );
      }
    }
    return;
  }
  publicPresupposition(t.presupposes, [...at, 'presupposes'], refs);
  if (t.summaryAnyGame === undefined) {
    refs.report(
      [...at, 'presupposes'],
      'a turn that presupposes needs summaryAnyGame: a summary true of any game, shown where the presupposition fails',
    );
  }
}

/**
 * What a text everyone sees takes for granted names only what exists, and only what is public: a secret choice,
 * an actor's belief or stance would be given away by which text shows. It is judged whenever a view is drawn,
 * with no draw of chance to judge it by.
 */
function publicPresupposition(presupposes: Condition, at: Path, refs: Refs): void {
  refs.condition(presupposes, at);
  for (const [c, path] of conditionParts(presupposes, at)) {
    if (c.chance !== undefined) {
      refs.report(
        path,
        'a presupposition cannot depend on chance: it states what the text takes for granted',
      );
    }
    if (c.believes || c.posture) {
      refs.report(
        path,
        `a presupposition cannot name ${c.believes ? 'a belief' : 'a stance'}: it is private to the actor, ` +
          'and the text everyone sees would give it away',
      );
    }
    if (c.agreed !== undefined && refs.agreementPublic.get(c.agreed) === false) {
      refs.report(
        [...path, 'agreed'],
        `agreement "${c.agreed}" is not public: a text everyone sees cannot take it for granted`,
      );
    }
    if (c.chose && refs.options.get(c.chose.actor)?.get(c.chose.option) === false) {
      refs.report(
        [...path, 'chose', 'option'],
        `option "${c.chose.option}" of actor "${c.chose.actor}" is secret (it has no announce): ` +
          'a text everyone sees cannot take it for granted',
      );
    }
  }
}

/**
 * An ending's summary and debrief (src/sim/ending-text.ts): each part's presupposition is public, as a turn's is
 * (every seat's debrief shows the same parts), and of a part's variants only the last may presuppose nothing: a
 * variant after one that always shows would never show.
 */
function checkEndingTexts(s: Scenario, refs: Refs): void {
  s.outcomes.forEach((o, i) => {
    for (const key of ['summary', 'debrief'] as const) {
      const t = o[key];
      if (!Array.isArray(t)) continue;
      t.forEach((part, j) => {
        const at = ['outcomes', i, key, j];
        if (!('variants' in part)) {
          if (part.presupposes) publicPresupposition(part.presupposes, [...at, 'presupposes'], refs);
          return;
        }
        part.variants.forEach((v, k) => {
          const vAt = [...at, 'variants', k];
          if (v.presupposes) publicPresupposition(v.presupposes, [...vAt, 'presupposes'], refs);
          else if (k < part.variants.length - 1) {
            refs.report(
              vAt,
              'only the last variant may leave out presupposes: this one always shows, so the ones after it never do',
            );
          }
        });
      });
    }
  });
}

/**
 * At most one decision per actor and turn; every playable actor decides in every turn, a simulated one never.
 * An actor's options are one set over all its decisions: the engine finds an option by actor and id.
 */
function checkDecisions(s: Scenario, refs: Refs): void {
  const { report } = refs;
  const deciding = new Map<string, string>();
  /** For each actor, where each of its option ids first stands. */
  const optionAt = new Map<string, Map<string, Path>>();
  s.decisions.forEach((d, i) => {
    const at = ['decisions', i];
    const okActor = refs.actor(d.actor, [...at, 'actor']);
    const who = s.actors[refs.actors.get(d.actor) ?? -1];
    if (who && !who.playable) {
      report(
        [...at, 'actor'],
        `actor "${d.actor}" is simulated (playable: false) and makes no decisions; ` +
          'it speaks through events (speaker), or make it playable',
      );
    }
    if (d.turns !== 'all')
      d.turns.forEach((t, j) => {
        refs.turn(t, [...at, 'turns', j]);
      });
    for (const t of d.turns === 'all' ? refs.turnIds : d.turns) {
      const key = `${d.actor}\u0000${t}`;
      const other = deciding.get(key);
      if (okActor && refs.turns.has(t) && other !== undefined && other !== d.id) {
        report(
          [...at, 'turns'],
          `actor "${d.actor}" already has decision "${other}" in turn "${t}"; at most one per actor and turn`,
        );
      }
      if (other === undefined) deciding.set(key, d.id);
    }
    indexIds('option', d.options, [...at, 'options'], report);
    if (okActor) optionsAcrossDecisions(s, d.actor, i, optionAt, report);
    d.options.forEach((o, j) => {
      const ot = [...at, 'options', j];
      if (o.available) refs.condition(o.available, [...ot, 'available']);
      o.effects.forEach((e, k) => {
        refs.effect(e, [...ot, 'effects', k]);
      });
      if (o.posture !== undefined && okActor) refs.posture(d.actor, o.posture, [...ot, 'posture']);
      o.policy.prefer.forEach((p, k) => {
        refs.condition(p.when, [...ot, 'policy', 'prefer', k, 'when']);
      });
    });
  });
  s.actors.forEach((a, i) => {
    if (!a.playable) return;
    const missing = refs.turnIds.filter((t) => !deciding.has(`${a.id}\u0000${t}`));
    if (missing.length > 0) {
      report(
        ['actors', i, 'playable'],
        `playable actor "${a.id}" has no decision in turn ${missing.map((t) => `"${t}"`).join(', ')}; ` +
          'a playable actor needs one every turn (or playable: false)',
      );
    }
  });
}

/** Reports an option id of decision i that an earlier decision of the same actor already has. */
function optionsAcrossDecisions(
  s: Scenario,
  actor: string,
  i: number,
  optionAt: Map<string, Map<string, Path>>,
  report: Report,
): void {
  const d = s.decisions[i]!;
  const earlier = optionAt.get(actor) ?? new Map<string, Path>();
  optionAt.set(actor, earlier);
  // Repeats inside this decision are indexIds' to report; only earlier decisions count here.
  const mine = new Map<string, Path>();
  d.options.forEach((o, j) => {
    if (mine.has(o.id)) return;
    mine.set(o.id, ['decisions', i, 'options', j]);
    const first = earlier.get(o.id);
    if (first) {
      const other = s.decisions[first[1] as number]!.id;
      report(
        ['decisions', i, 'options', j, 'id'],
        `actor "${actor}" already has option "${o.id}" in decision "${other}"; ` +
          "an option id stands once among all of an actor's decisions",
        first,
      );
    }
  });
  for (const [id, path] of mine) if (!earlier.has(id)) earlier.set(id, path);
}

function checkEvents(s: Scenario, refs: Refs): void {
  s.events.forEach((ev, i) => {
    const at = ['events', i];
    if (ev.speaker !== undefined) refs.actor(ev.speaker, [...at, 'speaker']);
    refs.audience(ev.audience, [...at, 'audience']);
    if (ev.turns) refs.window(ev.turns, [...at, 'turns']);
    if (ev.when) refs.condition(ev.when, [...at, 'when']);
    if (ev.claim) refs.fact(ev.claim.fact, [...at, 'claim', 'fact']);
    ev.effects.forEach((e, j) => {
      refs.effect(e, [...at, 'effects', j]);
    });
  });
  for (const { index, message } of statementsWithoutChoice(s))
    refs.report(['events', index, 'when'], message);
}

/**
 * What the real actors did, date by date: each day names a turn once, each entry a playable actor, with a cited
 * text (history is never an invention) and options that actor is offered on that turn. A turn or an actor left
 * out is "not reported", as `notReported: true` says explicitly.
 */
function checkHistory(s: Scenario, refs: Refs): void {
  const { report } = refs;
  indexBy('history turn', s.history, (d) => d.turn, ['history'], report, 'turn');
  s.history.forEach((day, i) => {
    const at = ['history', i];
    const okTurn = refs.turn(day.turn, [...at, 'turn']);
    day.expect.forEach((x, j) => {
      refs.indicator(x.indicator, [...at, 'expect', j, 'indicator']);
    });
    for (const [actorId, entry] of Object.entries(day.actors)) {
      const et = [...at, 'actors', actorId];
      if (!refs.actor(actorId, et)) continue;
      const who = s.actors[refs.actors.get(actorId)!]!;
      if (!who.playable) {
        report(
          et,
          `actor "${actorId}" is simulated (playable: false): the history beside a game is the playable actors'`,
        );
        continue;
      }
      if (entry.did && entry.did.source === undefined) {
        report(
          [...et, 'did'],
          'what the real actor did is history: it needs a source (a seed file name), never invention: true',
        );
      }
      entry.options?.forEach((option, j) => {
        const offered = s.decisions.filter(
          (d) => d.actor === actorId && (d.turns === 'all' || d.turns.includes(day.turn)),
        );
        const all = s.decisions.filter((d) => d.actor === actorId).flatMap((d) => d.options.map((o) => o.id));
        if (!all.includes(option)) {
          report(
            [...et, 'options', j],
            `actor "${actorId}" has no option "${option}"${didYouMean(option, all)}`,
          );
        } else if (okTurn && !offered.some((d) => d.options.some((o) => o.id === option))) {
          report(
            [...et, 'options', j],
            `actor "${actorId}" is not offered option "${option}" in turn "${day.turn}"`,
          );
        }
      });
    }
  });
}

/** The pack's plans add up, and its questions are about an ending, the perpetrator or the misinformation. */
function checkTeaching(s: Scenario, report: Report): void {
  const t = s.teaching;
  if (!t) return;
  indexBy('plan', t.plans, (p) => p.id, ['teaching', 'plans'], report, 'id');
  t.plans.forEach((plan, i) => {
    const sum = plan.steps.reduce((n, step) => n + step.minutes, 0);
    if (sum !== plan.minutes) {
      report(['teaching', 'plans', i, 'minutes'], `the plan takes ${plan.minutes} minutes, its steps ${sum}`);
    }
  });
  const topics = [...s.outcomes.map((o) => o.id), 'perpetrator', 'misinformation'];
  t.questions.forEach((q, i) => {
    if (!topics.includes(q.about)) {
      report(
        ['teaching', 'questions', i, 'about'],
        `questions are about an ending, perpetrator or misinformation, not "${q.about}"${didYouMean(q.about, topics)}`,
      );
    }
  });
}

function checkOutcomes(
  s: Scenario,
  report: Report,
  turn: (id: string, path: Path) => boolean,
  condition: (c: Condition, path: Path) => void,
  declared: ReadonlySet<string>,
): void {
  let lastAtEnd = -1;
  let catchAll: string | undefined;
  s.outcomes.forEach((o, i) => {
    const at = ['outcomes', i];
    if (o.from !== undefined && turn(o.from, [...at, 'from']) && o.check !== 'every-turn') {
      report([...at, 'from'], 'from applies only to every-turn outcomes');
    }
    if (o.when) condition(o.when, [...at, 'when']);
    if (o.outlookOf !== undefined && !declared.has(o.outlookOf)) {
      report(
        [...at, 'outlookOf'],
        `source "${o.outlookOf}" is not declared in meta.sources${didYouMean(o.outlookOf, declared)}`,
      );
    }
    if (o.check !== 'at-end') return;
    if (catchAll !== undefined) {
      report(
        at,
        `never reached: the earlier at-end outcome "${catchAll}" has no when and always ends the game`,
      );
    }
    if (o.when === undefined) catchAll ??= o.id;
    lastAtEnd = i;
  });
  const last = s.outcomes[lastAtEnd];
  if (!last) report(['outcomes'], 'needs at least one at-end outcome, so that every game ends in an outcome');
  else if (last.when) {
    report(
      ['outcomes', lastAtEnd, 'when'],
      'the last at-end outcome must have no when, so that every game ends in an outcome',
    );
  }
}

/** Every Text (any object with a text string) is found without listing the fields that hold one. */
function checkTextSources(node: unknown, path: Path, declared: ReadonlySet<string>, report: Report): void {
  if (Array.isArray(node)) {
    node.forEach((x, i) => {
      checkTextSources(x, [...path, i], declared, report);
    });
    return;
  }
  if (typeof node !== 'object' || node === null) return;
  const o = node as Record<string, unknown>;
  if (typeof o.text !== 'string') {
    for (const [k, v] of Object.entries(o)) checkTextSources(v, [...path, k], declared, report);
    return;
  }
  const sources = typeof o.source === 'string' ? [o.source] : Array.isArray(o.source) ? o.source : [];
  sources.forEach((name: unknown, i) => {
    if (typeof name === 'string' && !declared.has(name)) {
      const at = typeof o.source === 'string' ? [...path, 'source'] : [...path, 'source', i];
      report(at, `source "${name}" is not declared in meta.sources${didYouMean(name, declared)}`);
    }
  });
}

/** Maps each id to its first index, reporting repeats. */
function indexIds(
  kind: string,
  list: readonly { id: string }[],
  at: Path,
  report: Report,
): Map<string, number> {
  return indexBy(kind, list, (x) => x.id, at, report, 'id');
}

function indexBy<T>(
  kind: string,
  list: readonly T[],
  keyOf: (x: T) => string,
  at: Path,
  report: Report,
  field?: string,
): Map<string, number> {
  const index = new Map<string, number>();
  list.forEach((x, i) => {
    const key = keyOf(x);
    const first = index.get(key);
    if (first === undefined) index.set(key, i);
    else {
      const path = field ? [...at, i, field] : [...at, i];
      report(path, `duplicate ${kind} "${key}"`, [...at, first]);
    }
  });
  return index;
}

/** Comparisons of names that hints may cost, per list of ids: about a quarter of a second. */
const HINT_WORK = 2_000_000;

/**
 * didYouMean for many unknown names against one list of ids. Each search reads the whole list, so thousands of
 * broken references to thousands of events would take minutes. A name is searched once, and once the searches
 * have cost HINT_WORK comparisons the later problems go without a hint: the first ones are those read.
 */
function hinter(candidates: ReadonlyMap<string, number>): (name: string) => string {
  const memo = new Map<string, string>();
  let work = 0;
  return (name) => {
    let hint = memo.get(name);
    if (hint === undefined) {
      hint = work < HINT_WORK ? didYouMean(name, candidates.keys()) : '';
      work += candidates.size;
      memo.set(name, hint);
    }
    return hint;
  };
}

/** A hint for a likely typo: the closest candidate within two edits, or one differing only in case. */
export function didYouMean(name: string, candidates: Iterable<string>): string {
  let best: string | undefined;
  let bestDistance = 3;
  for (const c of candidates) {
    const d = c.toLowerCase() === name.toLowerCase() ? 0 : editDistance(name, c, bestDistance);
    if (d < bestDistance) {
      best = c;
      bestDistance = d;
    }
  }
  return best === undefined ? '' : ` (did you mean "${best}"?)`;
}

/** Levenshtein distance, giving up (returning limit) once it cannot be below limit. */
function editDistance(a: string, b: string, limit: number): number {
  if (Math.abs(a.length - b.length) >= limit) return limit;
  let previous = Array.from({ length: b.length + 1 }, (_, j) => j);
  for (let i = 1; i <= a.length; i++) {
    const current = [i];
    for (let j = 1; j <= b.length; j++) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      current[j] = Math.min(previous[j]! + 1, current[j - 1]! + 1, previous[j - 1]! + cost);
    }
    if (Math.min(...current) >= limit) return limit;
    previous = current;
  }
  return Math.min(previous[b.length]!, limit);
}
