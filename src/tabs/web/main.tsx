import { FluentProvider, webLightTheme } from '@fluentui/react-components';
import { useEffect, useState } from 'react';
import { createRoot } from 'react-dom/client';
import { api } from './api';
import { ChildProtectionBar } from './child-protection-bar';
import { Koordination } from './koordination';
import { Leitfaden } from './leitfaden';
import type { Me } from './types';

function Page({ page }: { page: string }) {
  const [me, setMe] = useState<Me>();
  useEffect(() => void api<Me>('me').then(setMe, () => setMe({ localMode: false, coordinator: false })), []);
  return (
    <FluentProvider theme={webLightTheme}>
      <ChildProtectionBar />
      {me?.localMode && (
        <p className="banner" role="note">
          Lokaler Modus: ohne Anmeldung, nur zum Entwickeln und Testen.
        </p>
      )}
      {page === 'koordination' ? me && <Koordination me={me} /> : <Leitfaden />}
    </FluentProvider>
  );
}

createRoot(document.getElementById('root')!).render(<Page page={document.body.dataset.page ?? 'leitfaden'} />);
