// Entry point: starts the analysis worker and the demo download, builds the app state and mounts
// the UI. Both start before the UI, so they overlap mounting it and its wait for the tab lock and
// the saved plan.
import { mount } from 'svelte';
import App from './ui/App.svelte';
import { AppState } from './state/app-state.svelte';
import { prefetchDemo } from './state/demo-loader';
import AnalysisWorker from './analysis/analysis-worker?worker';
import './ui/global.css';

performance.mark('main:start');
// The synthetic city opens instead of the demo; everywhere else the demo is the likely first plan.
if (!new URLSearchParams(location.search).has('city')) prefetchDemo();
const app = new AppState(() => new AnalysisWorker());
(window as unknown as { __app: AppState }).__app = app;
mount(App, { target: document.getElementById('app')!, props: { app } });
performance.mark('main:mounted');
