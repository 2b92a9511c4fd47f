import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import { AppContext } from './context';
import { createAppStore } from './store';
import './styles.css';
import { language } from './texts';

const api = window.balie;
const store = createAppStore(api);
// Screen readers and the browser's spelling and hyphenation follow the page's language.
store.subscribe(() => {
  document.documentElement.lang = language;
});
const root = document.getElementById('root');
if (!root) throw new Error('#root ontbreekt in index.html');

createRoot(root).render(
  <StrictMode>
    <AppContext.Provider value={{ api, store }}>
      <App />
    </AppContext.Provider>
  </StrictMode>,
);
