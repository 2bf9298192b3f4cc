import { describe, expect, it } from 'vitest';
import { parseParameters } from '../../../src/config/parameters.ts';

describe('parameters', () => {
  it('reads key=value lines: the first = splits, blank lines are skipped, values may hold = and spaces', () => {
    expect(parseParameters('openai_key=sk-a=b\n\n  model = text embedding \r\nx.y-z=')).toEqual({
      parameters: { openai_key: 'sk-a=b', model: 'text embedding', 'x.y-z': '' },
    });
  });

  it('reads a flat JSON object of strings', () => {
    expect(parseParameters(' {"a":"1","create_ingest_pipeline.model_id":"m"} ')).toEqual({
      parameters: { a: '1', 'create_ingest_pipeline.model_id': 'm' },
    });
  });

  it('refuses what is not a flat map of strings, naming lines and keys, never values', () => {
    expect(parseParameters('good=1\nno-equals-sign-s3cr3t')).toEqual({
      error: "line 2 is not of the form 'key=value'",
    });
    expect(parseParameters('a=1\na=s3cr3t')).toEqual({ error: "line 2 repeats the key 'a'" });
    expect(parseParameters('{"a":{"b":"s3cr3t"}}')).toEqual({ error: "has a value for 'a' that is not a string" });
    expect(parseParameters('{"a":"s3cr3t"')).toEqual({ error: 'starts with { but is not valid JSON' });
    expect(parseParameters('{"a b":"x"}')).toMatchObject({ error: expect.stringContaining("has key 'a b'") });
  });
});
