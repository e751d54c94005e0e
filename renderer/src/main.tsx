import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './app/App';
import './styles/app.css';
import './styles/article.css';
import './styles/onboarding.css';
import './styles/search.css';
import './styles/editor.css';
import './styles/acknowledge.css';
import './styles/charts.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <App />
  </StrictMode>,
);
