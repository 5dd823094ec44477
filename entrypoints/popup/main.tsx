import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { Popup } from '@/components/popup/Popup';
import { libraryDatabase } from '@/lib/library/instance';
import '@/components/theme.css';

createRoot(document.getElementById('root')!).render(
  <StrictMode>
    <Popup db={libraryDatabase()} />
  </StrictMode>,
);
