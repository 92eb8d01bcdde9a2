import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { App } from './App';
import './handheld.css';

if ('serviceWorker' in navigator) {
  void navigator.serviceWorker.register('/handheld/sw.js', { scope: '/handheld/' }).catch(() => undefined);
}
// Ask the browser to keep the device's data (the outbox) even when storage runs short.
void navigator.storage?.persist?.().catch(() => undefined);

createRoot(document.getElementById('root')!).render(<StrictMode><App /></StrictMode>);
