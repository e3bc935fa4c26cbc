import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { SCHEMA_PATH, scenarioJsonSchemaText } from '../../scripts/write-json-schema.ts';

describe('scenarios/scenario.schema.json', () => {
  it('is up to date with src/scenario/schema.ts (run npm run schema)', () => {
    expect(readFileSync(SCHEMA_PATH, 'utf8')).toBe(scenarioJsonSchemaText());
  });

  it('names the recursive definitions', () => {
    const schema = JSON.parse(scenarioJsonSchemaText());
    expect(Object.keys(schema.definitions)).toEqual(['Condition', 'Effect']);
    expect(schema.properties.events.items.properties.when).toEqual({
      allOf: [{ $ref: '#/definitions/Condition' }],
    });
  });
});
