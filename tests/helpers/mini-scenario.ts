// A small scenario that exercises every mechanism: two playable actors and one simulated, hidden facts,
// a secret option, misinformation, a reveal, conditional effects, every-turn and at-end outcomes.
import { Scenario as ScenarioSchema } from '../../src/scenario/schema.ts';
import type { Scenario } from '../../src/scenario/types.ts';

const inv = (text: string) => ({ text, invention: true as const });

export const miniScenario: Scenario = ScenarioSchema.parse({
  meta: {
    id: 'mini',
    version: '1.0.0',
    title: inv('Mini crisis'),
    summary: inv('A test scenario.'),
    language: 'en',
    sources: [{ file: 'test.txt', title: 'Test', kind: 'test', perspective: 'test' }],
  },
  indicators: [
    { id: 'order', label: inv('Order'), meaning: inv('How orderly things are'), start: 50 },
    { id: 'armed', label: inv('Armed strength'), meaning: inv('Militia strength'), start: 50 },
    {
      id: 'secretStock',
      label: inv('Secret stock'),
      meaning: inv('Only the militia sees it'),
      start: 30,
      visibility: ['militia'],
    },
  ],
  actors: [
    {
      id: 'gov',
      name: inv('Government'),
      role: inv('Governs'),
      playable: true,
      goals: [{ indicator: 'order', want: 'high', weight: 1, why: inv('Keep order') }],
      postures: [
        { id: 'calm', label: inv('Calm') },
        { id: 'firm', label: inv('Firm') },
      ],
      posture: 'calm',
      knowledge: { 'militia-struck': false },
    },
    {
      id: 'militia',
      name: inv('Militia'),
      role: inv('Armed group'),
      playable: true,
      goals: [{ indicator: 'armed', want: 'high', weight: 1, why: inv('Grow') }],
      postures: [
        { id: 'quiet', label: inv('Quiet') },
        { id: 'loud', label: inv('Loud') },
      ],
      posture: 'quiet',
    },
    {
      id: 'press',
      name: inv('Press'),
      role: inv('Reports'),
      playable: false,
      postures: [{ id: 'watching', label: inv('Watching') }],
      posture: 'watching',
    },
  ],
  facts: [
    {
      id: 'militia-struck',
      statement: inv('The militia carried out the strike'),
      truth: false,
      knownBy: ['militia'],
    },
  ],
  turns: [
    { id: 't1', date: '2021-10-10', title: inv('One'), summary: inv('First') },
    { id: 't2', date: '2021-10-20', title: inv('Two'), summary: inv('Second') },
    { id: 't3', date: '2021-11-07', title: inv('Three'), summary: inv('Third') },
  ],
  decisions: [
    {
      id: 'gov-decides',
      actor: 'gov',
      turns: 'all',
      prompt: inv('What does the government do?'),
      options: [
        {
          id: 'restraint',
          label: inv('Restraint'),
          description: inv('Calm'),
          effects: [{ add: { order: 5 } }],
          historical: true,
        },
        {
          id: 'raid',
          label: inv('Raid'),
          description: inv('Raid the militia'),
          posture: 'firm',
          announce: inv('The government raids militia sites'),
          effects: [
            { add: { armed: -10, order: -5 } },
            {
              if: { fact: 'militia-struck' },
              then: [{ add: { order: 10 } }],
              else: [{ add: { order: -10 } }],
            },
          ],
        },
        {
          id: 'accuse',
          label: inv('Accuse'),
          description: inv('Name the militia'),
          available: { believes: { actor: 'gov', fact: 'militia-struck' } },
          effects: [{ add: { order: 3 } }],
        },
      ],
    },
    {
      id: 'militia-decides',
      actor: 'militia',
      turns: 'all',
      prompt: inv('What does the militia do?'),
      options: [
        {
          id: 'wait',
          label: inv('Wait'),
          description: inv('Wait'),
          effects: [{ add: { armed: 1 } }],
          historical: true,
        },
        {
          id: 'strike',
          label: inv('Strike'),
          description: inv('A covert strike'),
          posture: 'loud',
          effects: [
            { add: { armed: 15, order: -15, secretStock: -10 } },
            { facts: { 'militia-struck': true } },
          ],
        },
        {
          id: 'parade',
          label: inv('Parade'),
          description: inv('Show of force'),
          announce: inv('The militia parades'),
          effects: [{ add: { armed: 5, order: -3 } }],
        },
      ],
    },
  ],
  events: [
    {
      id: 'explosion',
      kind: 'news',
      audience: 'public',
      when: { chose: { actor: 'militia', option: 'strike' } },
      headline: inv('An explosion in the capital'),
      effects: [{ add: { order: -2 } }],
    },
    {
      id: 'false-flag',
      kind: 'rumour',
      audience: 'public',
      when: { fired: 'explosion' },
      claim: { fact: 'militia-struck', is: false },
      headline: inv('A dossier says it was staged'),
    },
    {
      id: 'investigation',
      kind: 'intel',
      audience: ['gov'],
      turns: { from: 't2' },
      when: { all: [{ fired: 'explosion' }, { chance: 0.5 }] },
      headline: inv('Investigators report'),
      effects: [{ reveal: { fact: 'militia-struck', to: ['gov'] } }],
    },
  ],
  outcomes: [
    {
      id: 'takeover',
      title: inv('Takeover'),
      summary: inv('s'),
      debrief: inv('d'),
      check: 'every-turn',
      when: { atLeast: { armed: 85 } },
    },
    {
      id: 'order-holds',
      title: inv('Order holds'),
      summary: inv('s'),
      debrief: inv('d'),
      check: 'at-end',
      when: { atLeast: { order: 50 } },
    },
    { id: 'muddle', title: inv('Muddle'), summary: inv('s'), debrief: inv('d'), check: 'at-end' },
  ],
});
