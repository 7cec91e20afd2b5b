// One weight of the bundled CJK font: bold is synthesised by the browser. A second weight doubled
// the font files fetched before the first map (docs/BENCHMARKS.md, "History").
import '@fontsource/noto-sans-sc/400.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createBrowserConnector } from './data/engine/browser';
import { prefetchFirstScreen } from './data/first-screen';
import { parseViewState } from './state/view-state';
import './ui/app.css';

const createConnector = async () => createBrowserConnector();
// The first screen's files are requested now, not after React's first commit (docs/BENCHMARKS.md, "History").
prefetchFirstScreen(parseViewState(window.location.search).dataset, createConnector);

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App createConnector={createConnector} />
  </StrictMode>,
);
