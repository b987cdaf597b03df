import { StrictMode } from 'react';
import { createRoot } from 'react-dom/client';
import { OptionsApp } from '@/components/options/OptionsApp';
import '@/components/options/options.css';

const root = document.getElementById('root');
if (!root) throw new Error('Moderator Assist: the options page has no #root element.');
createRoot(root).render(
  <StrictMode>
    <OptionsApp />
  </StrictMode>,
);
