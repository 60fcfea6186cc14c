import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import './styles/theme.css';
import './styles/base.css';
import './components/components.css';
import './app/app.css';
import './features/alerts/alerts.css';
import './features/incident/incident.css';
import './features/timeline/timeline.css';
import './features/runbooks/runbooks.css';
import './features/settings/settings.css';
import './features/sync/sync.css';
import './features/schedules/on-call.css';
import './features/schedules/schedules.css';
import './features/alarm/alarm.css';
import './features/alarm/do-not-disturb.css';
import { App } from './app/app';
import { ALARM_ONLY_HASH, AlarmWindowView } from './features/alarm/alarm-window-view';
import { AppContext } from './app/app-context';
import { createBridge } from './bridge/bridge';
import { PartBoundary } from './components/part-boundary';
import { connectAppStore, createAppStore } from './stores/app-store';
import { connectIncidentStore, createIncidentStore } from './stores/incident-store';
import { createUiStore } from './stores/ui-store';

const bridge = createBridge();
const appStore = createAppStore(bridge);
const uiStore = createUiStore();
connectAppStore(appStore, bridge);
const incidentStore = createIncidentStore(bridge);
connectIncidentStore(incidentStore, bridge);

const container = document.getElementById('root');
if (!container) throw new Error('index.html has no #root');
createRoot(container).render(
  <StrictMode>
    <AppContext.Provider value={{ bridge, appStore, uiStore, incidentStore }}>
      <PartBoundary part="the app">
        {/* The shell's alarm window loads the same page with #alarm: the alarm alone. */}
        {location.hash === ALARM_ONLY_HASH ? <AlarmWindowView /> : <App />}
      </PartBoundary>
    </AppContext.Provider>
  </StrictMode>,
);
