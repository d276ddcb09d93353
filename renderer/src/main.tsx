import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { getApi } from './services/api';
import { reportUnhandledErrors } from './services/errorReports';
import { startSession } from './services/session';
import './styles.css';

startSession();
reportUnhandledErrors(getApi(), 'window');
const root = document.getElementById('root');
if (root) {
  createRoot(root).render(
    <StrictMode>
      <App />
    </StrictMode>,
  );
}
