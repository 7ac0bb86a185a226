// Entry point: starts the analysis worker, builds the app state and mounts the UI. The demo comes
// inside the page (state/demo-bundle.ts), so nothing is fetched before the first table.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { AppState } from './state/app-state.svelte';
import AnalysisWorker from './analysis/analysis-worker?worker';
import './ui/global.css';
import { firstDemoBlockParsed } from './state/demo-bundle';

performance.mark('main:start');
const app = new AppState(() => new AnalysisWorker());
// The e2e tests drive the app through its state; only their build (`--mode e2e`) exposes it.
if (import.meta.env.MODE === 'e2e') (window as unknown as { __app: AppState }).__app = app;
// The script is async (vite.config.ts): it can run while the page is still arriving, so it waits
// for the app's element and the first part of the demo, which come first in the body.
void firstDemoBlockParsed().then(() => {
  mount(App, { target: document.getElementById('app')!, props: { app } });
  performance.mark('main:mounted');
});
