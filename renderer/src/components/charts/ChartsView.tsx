import { useEffect, useState } from 'react';
import type { Loaded } from '../../state/useLoad';
import { PageState } from '../PageState';
import { loadChartsPanel, loadedChartsPanel } from './prefetch';

type PanelModule = NonNullable<ReturnType<typeof loadedChartsPanel>>;
const panelState = (): Loaded<PanelModule> => {
  const m = loadedChartsPanel();
  return m ? { status: 'ready', data: m } : { status: 'loading' };
};

/**
 * The charts view. The chart library is its own chunk, fetched ahead once the dashboard drew; when
 * it is in, the panel draws in the same render. Not React.lazy: a lazy component suspends on its
 * first render even when its chunk is ready, and React then holds the fallback for 300 ms.
 */
export function ChartsView({ token, role }: { token: string; role: string }) {
  const [panel, setPanel] = useState(panelState);
  useEffect(() => {
    if (panel.status !== 'loading') return;
    let live = true;
    loadChartsPanel().then((data) => live && setPanel({ status: 'ready', data }), (error: Error) => live && setPanel({ status: 'error', error }));
    return () => { live = false; };
  }, [panel.status]);
  return <PageState state={panel} retry={() => setPanel({ status: 'loading' })}>{(m) => <m.ChartsPanel token={token} role={role} />}</PageState>;
}
