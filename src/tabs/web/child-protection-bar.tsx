import { useEffect, useState } from 'react';
import { api } from './api';
import type { ChildProtection } from './types';

const telHref = (n: string) => `tel:${n.replace(/[^\d+]/g, '')}`;

/** Always on screen: the Kinderschutz line and the emergency numbers. */
export function ChildProtectionBar() {
  const [cp, setCp] = useState<ChildProtection>();
  useEffect(() => void api<ChildProtection>('child-protection').then(setCp, () => undefined), []);
  return (
    <aside className="cp-bar" aria-label="Kinderschutz" role="region">
      <strong>Kinderschutz geht vor.</strong> {cp?.acute ?? 'Bei akuter Gefahr: 110 oder 112.'}{' '}
      {cp?.phones.map((p) => (
        <span key={p.number}>
          {p.label}: <a href={telHref(p.number)}>{p.number}</a>{' '}
        </span>
      ))}
    </aside>
  );
}
