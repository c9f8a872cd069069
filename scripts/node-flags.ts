/**
 * V8 flags the bot runs with (`npm start`; benchmarks and the soak use them too). A capped old space makes
 * V8 collect sooner: peak RSS under load ≈ 200 MB instead of ≈ 400 MB, at the same throughput. Larger
 * semi-spaces (32 MB) gave ≈ 3 % more requests/s but ≈ 40 MB more RSS in the soak: not used.
 * Keep in sync with the "start" script in package.json (a unit test checks).
 */
export const NODE_FLAGS = ['--max-old-space-size=224'];
