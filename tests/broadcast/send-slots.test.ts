import { describe, expect, it } from 'vitest';
import { SendSlots } from '../../src/broadcast/send-slots';

describe('send slots', () => {
  it('hands out at most `size` at once, the rest first come, first served', async () => {
    const slots = new SendSlots(2, new AbortController().signal);
    expect(await slots.acquire()).toBe(true);
    expect(await slots.acquire()).toBe(true);
    const order: string[] = [];
    const a = slots.acquire().then((ok) => order.push(`a ${ok}`));
    const b = slots.acquire().then((ok) => order.push(`b ${ok}`));
    await Promise.resolve();
    expect(order).toEqual([]);
    slots.release();
    await a;
    expect(order).toEqual(['a true']);
    slots.release();
    await b;
    expect(order).toEqual(['a true', 'b true']);
  });

  it('refuses waiting and new callers once closed', async () => {
    const closed = new AbortController();
    const slots = new SendSlots(1, closed.signal);
    await slots.acquire();
    const waiting = slots.acquire();
    closed.abort();
    expect(await waiting).toBe(false);
    expect(await slots.acquire()).toBe(false);
  });

  it('frees a released slot for the next caller', async () => {
    const slots = new SendSlots(1, new AbortController().signal);
    await slots.acquire();
    slots.release();
    expect(await Promise.race([slots.acquire(), new Promise((r) => setTimeout(() => r('blocked'), 20))])).toBe(true);
  });
});
