import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { NODE_FLAGS } from '../../../scripts/node-flags';

describe('The runtime flags', () => {
  it('are the same for npm start and for the benchmarks', () => {
    const pkg = JSON.parse(readFileSync(resolve(__dirname, '../../../package.json'), 'utf8')) as {
      scripts: { start: string };
    };
    expect(pkg.scripts.start).toContain(`node ${NODE_FLAGS.join(' ')} dist/index.js`);
  });
});
