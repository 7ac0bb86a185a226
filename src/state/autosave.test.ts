import { it, expect } from 'vitest';
import { flushSync } from 'svelte';
import { PlanStore } from './plan-store.svelte';
it('probe', async () => {
  const p = new PlanStore();
  let seen: number[] = [];
  const { effect_root } = { effect_root: 0 };
  void effect_root;
  const mod = await import('./probe.svelte');
  const stop = mod.watch(p, (v: number) => seen.push(v));
  p.title = 'x'; p.version++;
  flushSync();
  p.version++;
  await Promise.resolve();
  flushSync();
  console.log(seen, typeof window);
  stop();
});
