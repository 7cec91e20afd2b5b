// One weight of the bundled CJK font: bold is synthesised by the browser. A second weight doubled
// the font files fetched before the first map (README "Benchmarks").
import '@fontsource/noto-sans-sc/400.css';
import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { createBrowserConnector } from './data/engine/browser';
import './ui/app.css';

const root = document.getElementById('root');
if (!root) throw new Error('index.html lacks #root');
createRoot(root).render(
  <StrictMode>
    <App createConnector={async () => createBrowserConnector()} />
  </StrictMode>,
);
